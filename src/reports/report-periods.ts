import { DateTime } from 'luxon';
import type { Interval } from './report-query.dto';
import type { DateWindow } from './report-window';

/** How a period is labelled (the same labels as the SQL in resolution-report.ts) and how far one steps. */
const PERIODS: Record<Exclude<Interval, 'none'>, { label: (d: DateTime) => string; start: (d: DateTime) => DateTime; step: object }> = {
  month: { label: (d) => d.toFormat('yyyy-MM'), start: (d) => d.startOf('month'), step: { months: 1 } },
  quarter: { label: (d) => `${d.year}-Q${d.quarter}`, start: (d) => d.startOf('quarter'), step: { months: 3 } },
  year: { label: (d) => String(d.year), start: (d) => d.startOf('year'), step: { years: 1 } },
};

/**
 * Every period the window touches, oldest first: an interval report lists each of them, so a
 * quarter in which nothing was received is a row of zeros rather than a gap. `none` is the
 * whole window, one period labelled null.
 */
export function periodsOf(window: DateWindow, interval: Interval): (string | null)[] {
  if (interval === 'none') return [null];
  const p = PERIODS[interval];
  const end = DateTime.fromISO(window.to, { zone: 'utc' });
  const labels: string[] = [];
  for (let d = p.start(DateTime.fromISO(window.from, { zone: 'utc' })); d <= end; d = d.plus(p.step)) labels.push(p.label(d));
  return labels;
}
