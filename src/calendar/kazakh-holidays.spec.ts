import { buildKazakhCalendar, CalendarOverride } from './kazakh-holidays';
import { KNOWN_TRANSFERS } from './known-transfers';
import { isoWeekday, WorkingCalendar } from './working-calendar';

const rows = buildKazakhCalendar(2012, 2027);
const byDate = new Map<string, CalendarOverride>(rows.map((r) => [r.date, r]));
const cal = new WorkingCalendar(rows);
const kindOf = (date: string) => byDate.get(date)?.kind;

describe('buildKazakhCalendar', () => {
  it('returns only exceptions to the weekday rule, sorted, unique, within the range', () => {
    expect(rows.length).toBeGreaterThan(200);
    expect(new Set(rows.map((r) => r.date)).size).toBe(rows.length);
    expect([...rows].sort((a, b) => (a.date < b.date ? -1 : 1))).toEqual(rows);
    expect(rows[0].date >= '2012-01-01' && rows[rows.length - 1].date <= '2027-12-31').toBe(true);
    for (const r of rows) {
      const weekend = isoWeekday(r.date) >= 6;
      expect({ date: r.date, exception: r.kind === 'holiday' ? !weekend : weekend }).toEqual({ date: r.date, exception: true });
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.name.length).toBeLessThanOrEqual(200); // calendar_days.name is varchar(200)
    }
  });

  it('names are Russian', () => {
    expect(byDate.get('2024-03-21')?.name).toBe('Наурыз мейрамы');
    expect(byDate.get('2024-12-16')?.name).toBe('День независимости');
  });

  it('a sub-range gives the same rows as the full build, including January carry-overs', () => {
    const only2014 = buildKazakhCalendar(2014, 2014);
    expect(only2014).toEqual(rows.filter((r) => r.date.startsWith('2014-')));
    expect(only2014.find((r) => r.date === '2014-01-03')?.kind).toBe('holiday'); // decreed in Dec 2013
  });

  it('every known transfer wins', () => {
    for (const t of KNOWN_TRANSFERS) expect(cal.isWorkingDay(t.date)).toBe(t.kind === 'workday');
  });

  it('Kurban Ait: the first day is a holiday and never carries over', () => {
    expect(kindOf('2025-06-06')).toBe('holiday'); // Friday
    expect(kindOf('2026-05-27')).toBe('holiday'); // Wednesday
    expect(cal.isWorkingDay('2024-06-16')).toBe(false); // Sunday anyway…
    expect(cal.isWorkingDay('2024-06-17')).toBe(true); // …and Monday is not a day off
    expect(cal.isWorkingDay('2027-05-17')).toBe(true); // Sun 16 May 2027: no carry-over either
    // Library dates corrected to the announced ones.
    expect(kindOf('2015-09-24')).toBe('holiday');
    expect(kindOf('2015-09-23')).toBeUndefined();
    expect(kindOf('2016-09-12')).toBe('holiday');
  });

  it('7 January never carries over', () => {
    expect(cal.isWorkingDay('2024-01-08')).toBe(true); // 7 Jan 2024 was a Sunday
    expect(cal.isWorkingDay('2023-01-09')).toBe(true); // 7 Jan 2023 was a Saturday
    expect(kindOf('2025-01-07')).toBe('holiday');
  });

  it('2024: May swap and Nauryz carry-over', () => {
    expect(kindOf('2024-05-04')).toBe('workday');
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(kindOf('2024-05-08')).toBe('holiday');
    expect(kindOf('2024-03-21')).toBe('holiday');
    expect(kindOf('2024-03-22')).toBe('holiday');
    expect(kindOf('2024-03-25')).toBe('holiday'); // 23 Mar was a Saturday
    expect(cal.isWorkingDay('2024-03-26')).toBe(true);
  });

  it('carry-overs skip days that are already off (library substitute collisions)', () => {
    // 21–22 Mar on Sat–Sun, 23 Mar on Monday: the days off carry to 24 and 25 Mar.
    for (const y of [2015, 2020, 2026]) {
      expect([`${y}-03-23`, `${y}-03-24`, `${y}-03-25`].map(kindOf)).toEqual(['holiday', 'holiday', 'holiday']);
      expect(cal.isWorkingDay(`${y}-03-26`)).toBe(true);
    }
    // 21 Mar on Sunday, 22–23 on Mon–Tue: 24 Mar off.
    expect(kindOf('2021-03-24')).toBe('holiday');
    expect(kindOf('2027-03-24')).toBe('holiday');
    // 7 May on Saturday, 9 May (Victory Day) on Monday: 10 May off.
    expect(kindOf('2016-05-10')).toBe('holiday');
    expect(kindOf('2022-05-10')).toBe('holiday');
  });

  it('a transfer can cancel a carry-over day (2020: Mon 11 May worked, Fri 8 May off)', () => {
    expect(cal.isWorkingDay('2020-05-11')).toBe(true);
    expect(kindOf('2020-05-11')).toBeUndefined(); // an ordinary Monday again, no row
    expect(kindOf('2020-05-08')).toBe('holiday');
    expect(kindOf('2020-01-05')).toBe('workday'); // a worked Sunday
  });

  it('First President Day (1 Dec) until 2021, Republic Day (25 Oct) from 2022', () => {
    expect(kindOf('2021-12-01')).toBe('holiday');
    expect(kindOf('2022-12-01')).toBeUndefined(); // an ordinary Thursday
    expect(kindOf('2019-12-02')).toBe('holiday'); // Sun 1 Dec 2019 carried over
    expect(kindOf('2021-10-25')).toBeUndefined();
    expect(kindOf('2023-10-25')).toBe('holiday');
    expect(kindOf('2025-10-27')).toBe('holiday'); // Sat 25 Oct 2025 carried over
  });

  it('Independence Day: 16–17 Dec until 2021, 16 Dec only from 2022', () => {
    expect(kindOf('2021-12-17')).toBe('holiday');
    expect(kindOf('2024-12-17')).toBeUndefined();
    expect(kindOf('2023-12-18')).toBe('holiday'); // Sat 16 Dec 2023 carried over
  });

  it('Constitution Day stays on 30 Aug in 2026 and 2027 (DOMAIN.md), not 15 Mar as date-holidays has it', () => {
    expect(kindOf('2025-09-01')).toBe('holiday'); // Sat 30 Aug 2025 carried over
    expect(kindOf('2026-03-16')).toBeUndefined();
    expect(kindOf('2026-08-31')).toBe('holiday'); // Sun 30 Aug 2026 carried over
    expect(kindOf('2027-03-15')).toBeUndefined();
    expect(kindOf('2027-08-30')).toBe('holiday');
  });

  it('due date: appeal received Fri 2026-11-20, decision within 15 working days', () => {
    // Nov 23–27 (1–5), Nov 30 (6), Dec 1 (7: First President Day is no longer a holiday),
    // Dec 2–4 (8–10), Dec 7–11 (11–15). The next holiday, 16 Dec, is after the due date.
    expect(cal.addWorkingDays('2026-11-20', 15)).toBe('2026-12-11');
    // From Fri 2024-05-03 across the May holidays: Sat 4 May is worked (1), Mon 6 (2),
    // 7–9 May off, Fri 10 (3), 13–17 (4–8), 20–24 (9–13), 27 (14), 28 (15).
    expect(cal.addWorkingDays('2024-05-03', 15)).toBe('2024-05-28');
  });

  it('rejects an empty or inverted range', () => {
    expect(() => buildKazakhCalendar(2027, 2026)).toThrow(RangeError);
  });
});
