/**
 * Working-day arithmetic over 'YYYY-MM-DD' calendar dates.
 *
 * The default rule is Mon–Fri working, Sat–Sun off; `overrides` list the exceptions (a holiday
 * on a weekday, a Saturday/Sunday made a working day). Dates are plain calendar dates: nothing
 * here touches `Date` or a time zone, so callers must first turn an instant into a date in the
 * configured zone (Asia/Almaty) and pass that string.
 *
 * Each year is compiled lazily, the first time it is touched, into a working-day flag per day
 * and a running count of working days; every query is then a few array reads and a binary search
 * (no day-by-day walking), so millions of deadline computations stay cheap.
 */

export type DayKind = 'holiday' | 'workday';

export interface DayOverride {
  date: string;
  kind: DayKind;
}

interface YearData {
  readonly year: number;
  readonly len: number;
  /** 1 = working day, indexed by day of year (0 = 1 Jan). */
  readonly working: Uint8Array;
  /** cum[i] = working days among day indexes [0, i); cum[len] = the year's total. */
  readonly cum: Uint16Array;
  /** ISO string of each day of the year, so results need no formatting. */
  readonly iso: string[];
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
/** Days before the first of each month in a common year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LEN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const p = parseIsoDate(date);
  const y = Math.floor(p / 1000);
  const days = daysFromCivil(y, 1, 1) + (p % 1000);
  return (((days + 3) % 7) + 7) % 7 + 1; // 1970-01-01 was a Thursday
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  const p = parseIsoDate(date);
  const d = new Date((daysFromCivil(Math.floor(p / 1000), 1, 1) + (p % 1000) + n) * 86_400_000);
  const y = d.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`date out of range: ${date} + ${n}`);
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

const pad = (v: number, w: number) => String(v).padStart(w, '0');

function invalid(date: unknown): RangeError {
  return new RangeError(`invalid date, expected YYYY-MM-DD: ${String(date)}`);
}

/** Value of the decimal digits s[from, to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses a strict 'YYYY-MM-DD' into `year * 1000 + dayOfYearIndex`: one number, no allocation,
 * and ordered like the dates themselves. Rejects impossible dates such as 2023-02-29.
 */
function parseIsoDate(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
    throw invalid(s);
  }
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1) throw invalid(s);
  const leap = m === 2 && isLeap(y) ? 1 : 0;
  if (d > MONTH_LEN[m - 1] + leap) throw invalid(s);
  return y * 1000 + MONTH_START[m - 1] + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working-day count must be an integer >= 0, got ${n}`);
}

/** Smallest day index i with cum[i + 1] >= rank: the day holding the rank-th working day. */
function dayOfRank(cum: Uint16Array, len: number, rank: number): number {
  let lo = 0;
  let hi = len - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1] >= rank) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class WorkingCalendar {
  /** Overrides grouped by year: day index → working? */
  private readonly overrides = new Map<number, Map<number, boolean>>();
  private readonly years = new Map<number, YearData>();

  /** Later entries for the same date win over earlier ones. */
  constructor(overrides: Iterable<DayOverride>) {
    for (const o of overrides) {
      if (o.kind !== 'holiday' && o.kind !== 'workday') throw new RangeError(`invalid day kind: ${String(o.kind)}`);
      const p = parseIsoDate(o.date);
      const y = Math.floor(p / 1000);
      let byDay = this.overrides.get(y);
      if (!byDay) this.overrides.set(y, (byDay = new Map()));
      byDay.set(p % 1000, o.kind === 'workday');
    }
  }

  isWorkingDay(date: string): boolean {
    const p = parseIsoDate(date);
    return this.year(Math.floor(p / 1000)).working[p % 1000] === 1;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    const p = parseIsoDate(date);
    const y = this.year(Math.floor(p / 1000));
    return y.working[p % 1000] === 1 ? y.iso[p % 1000] : this.addWorkingDays(date, 1);
  }

  /**
   * The n-th working day strictly after `from`; `from` itself counts as day 0 whether or not it
   * is a working day (a Saturday + 1 is the following Monday). n = 0 returns `from`.
   */
  addWorkingDays(from: string, n: number): string {
    checkCount(n);
    const p = parseIsoDate(from);
    if (n === 0) return from;
    let y = this.year(Math.floor(p / 1000));
    // Rank (1-based, within year y) of the working day we are looking for.
    let rank = y.cum[(p % 1000) + 1] + n;
    while (rank > y.cum[y.len]) {
      rank -= y.cum[y.len];
      y = this.year(y.year + 1);
    }
    return y.iso[dayOfRank(y.cum, y.len, rank)];
  }

  /** The n-th working day strictly before `from`; n = 0 returns `from`. */
  subtractWorkingDays(from: string, n: number): string {
    checkCount(n);
    const p = parseIsoDate(from);
    if (n === 0) return from;
    let y = this.year(Math.floor(p / 1000));
    let before = y.cum[p % 1000]; // working days of year y strictly before `from`
    let left = n;
    while (left > before) {
      left -= before;
      y = this.year(y.year - 1);
      before = y.cum[y.len];
    }
    return y.iso[dayOfRank(y.cum, y.len, before - left + 1)];
  }

  /**
   * Working days d with from < d <= to ("how many working days have passed since `from`").
   * Antisymmetric: if from > to the result is minus the count of d with to < d <= from, so
   * between(a, b) + between(b, c) = between(a, c) and between(d, addWorkingDays(d, n)) = n.
   * 0 when from = to.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    if (a === b) return 0;
    if (a < b) return this.countAfterUpTo(a, b);
    const back = this.countAfterUpTo(b, a);
    return back === 0 ? 0 : -back; // never -0
  }

  /** Working days in (a, b] for parsed dates a < b. */
  private countAfterUpTo(a: number, b: number): number {
    const ya = this.year(Math.floor(a / 1000));
    const yb = this.year(Math.floor(b / 1000));
    let count = yb.cum[(b % 1000) + 1] - ya.cum[(a % 1000) + 1];
    for (let y = ya.year; y < yb.year; y++) count += this.year(y).cum[this.year(y).len];
    return count;
  }

  private year(y: number): YearData {
    const cached = this.years.get(y);
    if (cached) return cached;
    if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`year out of range: ${y}`);

    const leap = isLeap(y);
    const len = leap ? 366 : 365;
    const mondayBased = (((daysFromCivil(y, 1, 1) + 3) % 7) + 7) % 7; // 0 = Monday
    const working = new Uint8Array(len);
    for (let i = 0; i < len; i++) working[i] = (mondayBased + i) % 7 < 5 ? 1 : 0;
    for (const [i, isWorking] of this.overrides.get(y) ?? []) working[i] = isWorking ? 1 : 0;

    const cum = new Uint16Array(len + 1);
    for (let i = 0; i < len; i++) cum[i + 1] = cum[i] + working[i];

    const iso: string[] = new Array(len);
    const prefix = pad(y, 4);
    let i = 0;
    for (let m = 1; m <= 12; m++) {
      const days = MONTH_LEN[m - 1] + (m === 2 && leap ? 1 : 0);
      for (let d = 1; d <= days; d++) iso[i++] = `${prefix}-${pad(m, 2)}-${pad(d, 2)}`;
    }

    const data: YearData = { year: y, len, working, cum, iso };
    this.years.set(y, data);
    return data;
  }
}
