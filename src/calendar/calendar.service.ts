import { termRunsOverDaySql } from '../deadlines/calendar-impact.sql';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayView, SetCalendarDayDto } from './calendar.dto';
import { DayKind, isoWeekday, WorkingCalendar } from './working-calendar';

/** How long another process's calendar edit may take to reach this one. */
const RELOAD_AFTER_MS = 60_000;
const MAX_RANGE_DAYS = 3660;

/** Whether the weekday rule alone makes `date` a working day (Monday to Friday). */
const byWeekdayRule = (date: string): boolean => isoWeekday(date) <= 5;

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

  /**
   * Declares a holiday or a working day; the worker then moves the due dates of open cases it
   * affects. Only exceptions to the weekday rule are stored: a working Tuesday or a Sunday off is
   * no exception, so declaring one only clears an exception the day had. A recompute is asked for
   * only when the day's working status really changed, so its history event names a day that
   * moved the due date, never one that changed nothing (an earlier no-op edit's recompute would
   * otherwise run with a later edit's calendar and take the credit for it).
   */
  async setDay(date: string, input: SetCalendarDayDto): Promise<CalendarDayView> {
    const exception = (input.kind === 'workday') !== byWeekdayRule(date);
    await this.days.manager.transaction(async (m) => {
      const [previous]: { kind: DayKind }[] = await m.query(`SELECT kind FROM calendar_days WHERE day = $1 FOR UPDATE`, [date]);
      if (exception) {
        await m.query(
          `INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = now()`,
          [date, input.kind, input.name ?? null],
        );
      } else if (previous) {
        await m.query(`DELETE FROM calendar_days WHERE day = $1`, [date]);
      }
      const wasWorking = previous ? previous.kind === 'workday' : byWeekdayRule(date);
      if (wasWorking !== (input.kind === 'workday')) await this.recomputeFrom(m, date);
    });
    this.forget();
    return { date, kind: input.kind, name: exception ? (input.name ?? null) : null };
  }

  /** Back to the weekday rule. Idempotent: a day that was not special already follows it. */
  async deleteDay(date: string): Promise<void> {
    await this.days.manager.transaction(async (m) => {
      const [deleted]: [{ kind: DayKind }[], number] = await m.query(`DELETE FROM calendar_days WHERE day = $1 RETURNING kind`, [date]);
      if (deleted.length && (deleted[0].kind === 'workday') !== byWeekdayRule(date)) await this.recomputeFrom(m, date);
    });
    this.forget();
  }

  /** The days that differ from the weekday rule (API.md "Reference data"). */
  async list(from: string, to: string): Promise<CalendarDayView[]> {
    if (from > to) throw AppError.validation('to', 'must not be before from', 'range.end_before_start', { start: 'from' });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw AppError.validation('to', 'the range is limited to 10 years', 'range.too_long', { maxYears: 10 });
    const rows = await this.days.find({ where: { day: Between(from, to) }, order: { day: 'ASC' } });
    // Rows stored before only exceptions were kept may still follow the rule; they are not listed.
    return rows.filter((d) => (d.kind === 'workday') !== byWeekdayRule(d.day)).map((d) => ({ date: d.day, kind: d.kind, name: d.name }));
  }

  /** The worker recomputes the due dates of the open cases whose term runs over `date`. */
  private recomputeFrom(m: EntityManager, date: string): Promise<void> {
    return writeOutbox(m, [{ topic: OUTBOX_TOPICS.calendar, appealId: null, payload: { date } }]);
  }

  private async load(): Promise<WorkingCalendar> {
    const rows = await this.days.find({ select: { day: true, kind: true } });
    return new WorkingCalendar(rows.map((r) => ({ date: r.day, kind: r.kind })));
  }
}
