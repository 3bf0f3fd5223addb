import { CLOCK_ON_STATUSES } from './deadline-plan';

/**
 * The open cases whose due date a change of one calendar day recomputes: the clock started
 * before the day and the due date is on or after it (the term runs over that day), and no
 * controller fixed the date by extension. DueDateRecompute moves exactly these; the calendar's
 * impact endpoint counts them before the administrator confirms the change.
 */
export function termRunsOverDaySql(dayParam: string): string {
  return `status IN (${CLOCK_ON_STATUSES.map((status) => `'${status}'`).join(',')})
          AND deadline_start < ${dayParam} AND due_date >= ${dayParam} AND NOT due_date_extended`;
}
