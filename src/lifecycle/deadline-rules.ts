import { DateTime } from 'luxon';
import { DeadlineState } from '../appeals/appeal.enums';
import { WorkingCalendar } from '../calendar/working-calendar';

/** An extension may reach at most two calendar months after the day of receipt (DOMAIN.md "Deadlines"). */
export const EXTENSION_LIMIT_MONTHS = 2;

/** The latest due date an extension may set; the 31st + 2 months falls back to the month's last day. */
export function latestExtendedDueDate(receivedOn: string): string {
  return DateTime.fromISO(receivedOn, { zone: 'utc' }).plus({ months: EXTENSION_LIMIT_MONTHS }).toISODate()!;
}

/**
 * The due date after a clock stop: it moves later by the working days that passed while the
 * case was paused (days d with pausedOn < d <= resumedOn), so a pause and resume on the same day
 * move nothing.
 */
export function dueDateAfterPause(calendar: WorkingCalendar, dueDate: string, pausedOn: string, resumedOn: string): { dueDate: string; workdaysPaused: number } {
  const workdaysPaused = Math.max(0, calendar.workingDaysBetween(pausedOn, resumedOn));
  return { dueDate: calendar.addWorkingDays(dueDate, workdaysPaused), workdaysPaused };
}

/** Answered on or before the due date (both dates in APP_TIMEZONE) is met, later is missed. */
export function answeredDeadlineState(answeredOn: string, dueDate: string): DeadlineState {
  return answeredOn <= dueDate ? 'met' : 'missed';
}

/**
 * The state of an open case right after its due date changed or it was reopened. `due_soon` is
 * left to the deadline jobs (the outbox `deadlines` message recomputes it); this only makes sure
 * the case is never shown overdue after being given a later date, nor on track when it is late.
 */
export function openDeadlineState(dueDate: string, today: string): DeadlineState {
  return today > dueDate ? 'overdue' : 'on_track';
}
