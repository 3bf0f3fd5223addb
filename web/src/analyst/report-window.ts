import { APP_TIME_ZONE } from '../i18n/format';

/**
 * The reporting window a reader picks — a month, a quarter, a year or any two dates — and the dates
 * the report API takes for it. A window that reaches past today stops at today, so "this year" is
 * compared with the same part of last year (the API shifts the same dates back for compareYears).
 */
export type WindowKind = 'month' | 'quarter' | 'year' | 'custom';
export const WINDOW_KINDS: readonly WindowKind[] = ['month', 'quarter', 'year', 'custom'];

export interface ReportWindow {
  kind: WindowKind;
  year: number;
  /** Month 1..12 or quarter 1..4; unused for year and custom. */
  part: number;
  from: string;
  to: string;
}

/** Today's date in the service's zone (YYYY-MM-DD). */
export function todayInZone(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function defaultWindow(kind: WindowKind = 'year'): ReportWindow {
  const today = todayInZone();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const part = kind === 'quarter' ? Math.ceil(month / 3) : month;
  return { kind, year, part, from: `${year}-01-01`, to: today };
}

/** Reads the window from the address (`win`, `year`, `part`, `from`, `to`); anything odd falls back to this year. */
export function readWindow(params: URLSearchParams): ReportWindow {
  const kind = (WINDOW_KINDS as readonly string[]).includes(params.get('win') ?? '') ? (params.get('win') as WindowKind) : 'year';
  const base = defaultWindow(kind);
  const year = Number(params.get('year'));
  const part = Number(params.get('part'));
  const maxPart = kind === 'quarter' ? 4 : 12;
  return {
    kind,
    year: Number.isInteger(year) && year >= 2000 && year <= base.year ? year : base.year,
    part: Number.isInteger(part) && part >= 1 && part <= maxPart ? part : base.part,
    from: DATE.test(params.get('from') ?? '') ? (params.get('from') as string) : base.from,
    to: DATE.test(params.get('to') ?? '') ? (params.get('to') as string) : base.to,
  };
}

export function writeWindow(params: URLSearchParams, w: ReportWindow): void {
  params.set('win', w.kind);
  for (const k of ['year', 'part', 'from', 'to']) params.delete(k);
  if (w.kind === 'custom') {
    params.set('from', w.from);
    params.set('to', w.to);
  } else {
    params.set('year', String(w.year));
    if (w.kind !== 'year') params.set('part', String(w.part));
  }
}

/** The inclusive dates of the window, never past today. */
export function windowDates(w: ReportWindow): { from: string; to: string } {
  const today = todayInZone();
  const clamp = (to: string) => (to > today ? today : to);
  switch (w.kind) {
    case 'custom':
      return { from: w.from, to: w.to };
    case 'year':
      return { from: `${w.year}-01-01`, to: clamp(`${w.year}-12-31`) };
    case 'quarter': {
      const first = (w.part - 1) * 3 + 1;
      return { from: `${w.year}-${pad(first)}-01`, to: clamp(`${w.year}-${pad(first + 2)}-${lastDay(w.year, first + 2)}`) };
    }
    case 'month':
      return { from: `${w.year}-${pad(w.part)}-01`, to: clamp(`${w.year}-${pad(w.part)}-${lastDay(w.year, w.part)}`) };
  }
}

/** The months (YYYY-MM) a window spans, for the line chart's axis: an empty month still shows as 0. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  while (`${y}-${pad(m)}` <= end && out.length < 240) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** "2026-07" shifted back n years: "2025-07". */
export function shiftPeriod(period: string, years: number): string {
  return `${Number(period.slice(0, 4)) - years}${period.slice(4)}`;
}
