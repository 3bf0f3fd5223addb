import { WorkingCalendar } from './working-calendar';

/**
 * Day 0 of a statutory term (DOMAIN.md "Deadlines"): the day of receipt when it is a working day,
 * else the next working day, so a case received on Saturday has the due date of one received on
 * the Monday after (Sat 2026-07-11 → day 0 Mon 07-13 → 15 working days → 2026-08-03). Every term
 * that counts from a receipt or a fresh start (registration, a transfer that restarts the clock,
 * the forwarding check, an import's default due date) starts here.
 */
export function termStartDay(calendar: WorkingCalendar, receivedOn: string): string {
  return calendar.nextWorkingDay(receivedOn);
}

/** The `workdays`-th working day after day 0 of a term that begins with a receipt on `receivedOn`. */
export function termDueDate(calendar: WorkingCalendar, receivedOn: string, workdays: number): string {
  return calendar.addWorkingDays(termStartDay(calendar, receivedOn), workdays);
}
