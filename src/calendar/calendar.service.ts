import { termRunsOverDaySql } from '../deadlines/calendar-impact.sql';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
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

  /** How many open cases would have their due date moved by changing this day (see termRunsOverDaySql). */
  async impact(date: string): Promise<{ openCases: number }> {
    const [row] = await this.days.manager.query(`SELECT count(*)::int AS n FROM appeals WHERE ${termRunsOverDaySql('$1')}`, [date]);
    return { openCases: row.n };
  }

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

  /** The next read loads the table again (after an edit, or in the worker before recomputing due dates). */
  forget(): void {
    this.cached = undefined;
  }

  /** Declares a holiday or a working day; the worker then moves the due dates of open cases it affects. */
  async setDay(date: string, input: SetCalendarDayDto): Promise<CalendarDayView> {
    await this.days.manager.transaction(async (m) => {
      await m.query(
        `INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = now()`,
        [date, input.kind, input.name ?? null],
      );
      await writeOutbox(m, [{ topic: OUTBOX_TOPICS.calendar, appealId: null, payload: { date } }]);
    });
    this.forget();
    return { date, kind: input.kind, name: input.name ?? null };
  }

  /** Back to the weekday rule. Idempotent: a day that was not special already follows it. */
  async deleteDay(date: string): Promise<void> {
    await this.days.manager.transaction(async (m) => {
      const [, deleted]: [unknown, number] = await m.query(`DELETE FROM calendar_days WHERE day = $1`, [date]);
      if (deleted) await writeOutbox(m, [{ topic: OUTBOX_TOPICS.calendar, appealId: null, payload: { date } }]);
    });
    this.forget();
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
