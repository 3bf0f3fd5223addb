import Holidays from 'date-holidays';
import { KNOWN_TRANSFERS } from './known-transfers';
import { addCalendarDays, isoWeekday } from './working-calendar';

/**
 * Seed builder for the Kazakh working-day calendar: the days that differ from the weekday rule
 * (Mon–Fri working, Sat–Sun off), for loading into `calendar_days`.
 *
 * Pipeline, per year:
 *  1. the statutory holidays from `date-holidays` (KZ, Russian names), *without* its substitute
 *     days, plus HOLIDAY_CORRECTIONS where the library is wrong;
 *  2. carry-over days computed here (Labour Code art. 85: a holiday on a day off moves the day
 *     off to the next working day; not 7 Jan and Kurban Ait, which are religious holidays);
 *  3. KNOWN_TRANSFERS on top (a decreed swap wins over 1 and 2).
 *
 * Why carry-overs are not taken from the library: its substitute rule looks at one holiday at a
 * time, so when two holidays of a group fall on a weekend it puts the substitute on a day that
 * is already a holiday (Nauryz 2015/2020/2026: 21–22 Mar on Sat–Sun must give 24 and 25 Mar, the
 * library gives 23 and 24; Nauryz 2021/2027 loses the 24th; 7 May 2016/2022 on a Saturday is
 * substituted onto Mon 9 May, Victory Day, instead of Tue 10 May). Computing carry-overs over the
 * whole holiday set, in date order, skipping days already off, gives the days actually decreed.
 *
 * Checked against the DOMAIN list and the xmlcalendar.ru production calendars 2015–2023/2026/2027:
 *  - 7 May is a holiday from 2013, 1 Dec (First President Day) 2012–2021, 17 Dec (second day of
 *    Independence Day) until 2021, 25 Oct (Republic Day) from 2022: the library has all of these.
 *  - Constitution Day: the library moves it from 30 Aug to 15 Mar from 2026. DOMAIN.md (the
 *    project's statement of the law) lists 30 Aug, and the published 2026 production calendar
 *    agrees (31 Aug off as the carry-over of Sun 30 Aug, no 15/16 Mar), so HOLIDAY_CORRECTIONS
 *    keep 30 Aug for 2026–2027. If the holiday moves by law, an administrator edits the calendar
 *    through the API and a new migration corrects the seed.
 */

export interface CalendarOverride {
  /** YYYY-MM-DD */
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

interface StatutoryHoliday {
  date: string;
  name: string;
  /** false for holidays whose day off is not carried over when they fall on a weekend. */
  carriesOver: boolean;
}

/**
 * Where the library's statutory dates are wrong. Kurban Ait is fixed each year by the Spiritual
 * Administration of Muslims of Kazakhstan and confirmed by the government; the library computes
 * it from a tabular Hijri calendar, which is a day early in these years (the production
 * calendars and the decrees agree on the corrected dates).
 */
const HOLIDAY_CORRECTIONS: ReadonlyArray<{ remove: string; add: StatutoryHoliday }> = [
  { remove: '2015-09-23', add: { date: '2015-09-24', name: 'Курбан-айт', carriesOver: false } },
  { remove: '2016-09-11', add: { date: '2016-09-12', name: 'Курбан-айт', carriesOver: false } },
  // Constitution Day stays on 30 Aug (DOMAIN.md), where the library moved it to 15 Mar.
  { remove: '2026-03-15', add: { date: '2026-08-30', name: 'День Конституции', carriesOver: true } },
  { remove: '2027-03-15', add: { date: '2027-08-30', name: 'День Конституции', carriesOver: true } },
];

const isWeekend = (date: string) => isoWeekday(date) >= 6;
const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

/** Orthodox Christmas and Kurban Ait are religious holidays: no carry-over (DOMAIN, Labour Code). */
function carriesOver(rule: string, date: string): boolean {
  return !(date.slice(5) === '01-07' || rule.includes('Dhu al-Hijjah'));
}

function statutoryHolidays(hd: Holidays, year: number): StatutoryHoliday[] {
  const byDate = new Map<string, StatutoryHoliday>();
  for (const h of hd.getHolidays(year, 'ru')) {
    if (h.type !== 'public' || h.substitute) continue;
    const date = h.date.slice(0, 10);
    byDate.set(date, { date, name: h.name, carriesOver: carriesOver(h.rule, date) });
  }
  for (const c of HOLIDAY_CORRECTIONS) {
    if (!c.add.date.startsWith(`${year}-`)) continue;
    // A library upgrade may already have the right date (then this is a no-op); if it has
    // neither date, its data moved in a way nobody checked, so refuse to guess.
    if (!byDate.delete(c.remove) && !byDate.has(c.add.date)) {
      throw new Error(`holiday correction ${c.remove} → ${c.add.date} matches neither date in date-holidays`);
    }
    byDate.set(c.add.date, c.add);
  }
  return [...byDate.values()];
}

export function buildKazakhCalendar(fromYear: number, toYear: number): CalendarOverride[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`invalid year range ${fromYear}..${toYear}`);
  }
  const first = `${fromYear}-01-01`;
  const last = `${toYear}-12-31`;
  const hd = new Holidays('KZ', { languages: ['ru'] });

  // Start a year early: a late-December holiday on a weekend carries over into January.
  const holidays: StatutoryHoliday[] = [];
  for (let y = fromYear - 1; y <= toYear; y++) holidays.push(...statutoryHolidays(hd, y));
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const days = new Map<string, CalendarOverride>();
  const off = new Set(holidays.map((h) => h.date));
  for (const h of holidays) {
    if (!isWeekend(h.date)) {
      days.set(h.date, { date: h.date, kind: 'holiday', name: h.name });
    } else if (h.carriesOver) {
      let d = addCalendarDays(h.date, 1);
      while (isWeekend(d) || off.has(d)) d = addCalendarDays(d, 1);
      off.add(d);
      days.set(d, { date: d, kind: 'holiday', name: `${h.name} (перенос выходного с ${ddmm(h.date)})` });
    }
  }

  for (const t of KNOWN_TRANSFERS) days.set(t.date, { date: t.date, kind: t.kind, name: t.name });

  // Keep only real exceptions within the range: a transfer may have turned a carry-over back
  // into an ordinary weekday (2020-05-11), and a transfer may name a day the rule already gives.
  return [...days.values()]
    .filter((d) => d.date >= first && d.date <= last)
    .filter((d) => (d.kind === 'holiday') !== isWeekend(d.date))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
