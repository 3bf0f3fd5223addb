import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayView, SetCalendarDayDto } from './calendar.dto';
import { WorkingCalendar } from './working-calendar';

/** How long another process's calendar edit may take to reach this one. */
const RELOAD_AFTER_MS = 60_000;
const MAX_RANGE_DAYS = 3660;

/**
 * The working-day calendar over the `calendar_days` table. The whole table is a few hundred
 * rows, so it is held in memory and reloaded after an edit here or once a minute.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: Promise<WorkingCalendar>; loadedAt: number };

  constructor(@InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>) {}

  calendar(): Promise<WorkingCalendar> {
    if (!this.cached || Date.now() - this.cached.loadedAt > RELOAD_AFTER_MS) {
      const calendar = this.load();
      this.cached = { calendar, loadedAt: Date.now() };
      calendar.catch(() => (this.cached = undefined));
    }
    return this.cached.calendar;
  }

  async addWorkingDays(from: string, workdays: number): Promise<string> {
    return (await this.calendar()).addWorkingDays(from, workdays);
  }

  async setDay(date: string, input: SetCalendarDayDto): Promise<CalendarDayView> {
    await this.days.upsert({ day: date, kind: input.kind, name: input.name ?? null }, ['day']);
    this.cached = undefined;
    return { date, kind: input.kind, name: input.name ?? null };
  }

  async deleteDay(date: string): Promise<void> {
    // Idempotent: a day that was not special is already back to the weekday rule.
    await this.days.delete({ day: date });
    this.cached = undefined;
  }

  async list(from: string, to: string): Promise<CalendarDayView[]> {
    if (from > to) throw AppError.validation('to', 'must not be before from');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw AppError.validation('to', 'the range is limited to 10 years');
    const rows = await this.days.find({ where: { day: Between(from, to) }, order: { day: 'ASC' } });
    return rows.map((d) => ({ date: d.day, kind: d.kind, name: d.name }));
  }

  private async load(): Promise<WorkingCalendar> {
    const rows = await this.days.find({ select: { day: true, kind: true } });
    return new WorkingCalendar(rows.map((r) => ({ date: r.day, kind: r.kind })));
  }
}
