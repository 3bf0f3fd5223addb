import { DateTime } from 'luxon';
import { AppError } from '../common/errors/app-error';

/** A window of dates received, both ends inclusive, YYYY-MM-DD. */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * How a window is read: whole months from the monthly aggregates, the partial months at its
 * edges from the appeals themselves (an index on `received_on`), so any window is exact.
 */
export interface WindowPlan {
  /** Whole months [fromMonth, toMonthExclusive), first days of months; null when the window holds none. */
  months: { from: string; toExclusive: string } | null;
  /** Day ranges (inclusive) outside whole months. */
  edges: DateWindow[];
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

export function planWindow(w: DateWindow): WindowPlan {
  const from = day(w.from);
  const to = day(w.to);
  const firstWhole = from.day === 1 ? from : from.startOf('month').plus({ months: 1 });
  const endWhole = to.equals(to.endOf('month').startOf('day')) ? to.startOf('month').plus({ months: 1 }) : to.startOf('month');
  if (firstWhole >= endWhole) return { months: null, edges: [w] };
  const edges: DateWindow[] = [];
  if (from < firstWhole) edges.push({ from: w.from, to: firstWhole.minus({ days: 1 }).toISODate()! });
  if (endWhole <= to) edges.push({ from: endWhole.toISODate()!, to: w.to });
  return { months: { from: firstWhole.toISODate()!, toExclusive: endWhole.toISODate()! }, edges };
}

/** The same window `years` years earlier (29 February falls back to the 28th). */
export function shiftWindow(w: DateWindow, years: number): DateWindow {
  return { from: day(w.from).minus({ years }).toISODate()!, to: day(w.to).minus({ years }).toISODate()! };
}

/** `compareYears`: the same window 1..`years` years earlier, nearest first. */
export function earlierWindows(w: DateWindow, years: number): DateWindow[] {
  return Array.from({ length: years }, (_, i) => shiftWindow(w, i + 1));
}

/** `compareYears`: the section of each earlier window (earlierWindows), with its dates. */
export async function earlierYears<T extends object>(w: DateWindow, years: number, section: (w: DateWindow) => Promise<T>): Promise<(DateWindow & T)[]> {
  const comparisons: (DateWindow & T)[] = [];
  for (const shifted of earlierWindows(w, years)) comparisons.push({ ...shifted, ...(await section(shifted)) });
  return comparisons;
}

/**
 * The longest window a report answers: the whole history the service holds (legacy data from 2007) with
 * room to spare. Longer ones are typos, and by month and category they would be tens of thousands of rows.
 */
export const MAX_WINDOW_YEARS = 25;

/** Defaults (1 January of `to` … today in the zone), from ≤ to, and at most MAX_WINDOW_YEARS long. */
export function resolveWindow(from: string | undefined, to: string | undefined, zone: string): DateWindow {
  const end = to ?? DateTime.now().setZone(zone).toISODate()!;
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) throw AppError.validation('from', 'must not be after to', 'range.start_after_end', { end: 'to' });
  if (day(start).plus({ years: MAX_WINDOW_YEARS }) <= day(end)) {
    throw AppError.validation('to', `the window is limited to ${MAX_WINDOW_YEARS} years`, 'range.too_long', { maxYears: MAX_WINDOW_YEARS });
  }
  return { from: start, to: end };
}
