import fc from 'fast-check';
import { buildKazakhCalendar } from './kazakh-holidays';
import { addCalendarDays, DayOverride, isoWeekday, WorkingCalendar } from './working-calendar';

const KZ = buildKazakhCalendar(2012, 2027);
const kz = new WorkingCalendar(KZ);

/** Dates 2011-06-01 .. ~2028-06: the seeded years plus a margin for results crossing the edges. */
const BASE = '2011-06-01';
const dateArb = fc.integer({ min: 0, max: 17 * 365 }).map((k) => addCalendarDays(BASE, k));

/** Random calendars: overrides on arbitrary days in 2019–2021, either kind. */
const overridesArb = fc.array(
  fc.record({
    date: fc.integer({ min: 0, max: 3 * 365 }).map((k) => addCalendarDays('2019-01-01', k)),
    kind: fc.constantFrom<'holiday' | 'workday'>('holiday', 'workday'),
  }),
  { maxLength: 200 },
);
const nearDateArb = fc.integer({ min: 0, max: 4 * 365 }).map((k) => addCalendarDays('2018-07-01', k));

/** Day-by-day reference implementation, obviously right and slow. */
function naive(overrides: DayOverride[]) {
  const kind = new Map(overrides.map((o) => [o.date, o.kind] as const));
  const isWorking = (d: string) => {
    const k = kind.get(d);
    return k ? k === 'workday' : isoWeekday(d) <= 5;
  };
  return {
    isWorking,
    add(from: string, n: number): string {
      let d = from;
      for (let left = n; left > 0; ) {
        d = addCalendarDays(d, 1);
        if (isWorking(d)) left--;
      }
      return d;
    },
    between(from: string, to: string): number {
      const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (isWorking(d)) count++;
      return sign * count || 0; // never -0: the calendar returns 0
    },
  };
}

describe('WorkingCalendar', () => {
  describe('plain weekday rule (no overrides)', () => {
    const cal = new WorkingCalendar([]);

    it('knows weekends', () => {
      expect(cal.isWorkingDay('2024-05-03')).toBe(true); // Friday
      expect(cal.isWorkingDay('2024-05-04')).toBe(false); // Saturday
      expect(cal.isWorkingDay('2024-05-05')).toBe(false); // Sunday
    });

    it('counts from day 0 whatever it is', () => {
      expect(cal.addWorkingDays('2024-05-03', 1)).toBe('2024-05-06'); // Fri + 1 = Mon
      expect(cal.addWorkingDays('2024-05-04', 1)).toBe('2024-05-06'); // Sat + 1 = Mon
      expect(cal.addWorkingDays('2024-05-04', 0)).toBe('2024-05-04');
      expect(cal.addWorkingDays('2024-12-31', 1)).toBe('2025-01-01');
      expect(cal.subtractWorkingDays('2024-05-06', 1)).toBe('2024-05-03');
      expect(cal.subtractWorkingDays('2025-01-01', 1)).toBe('2024-12-31');
      expect(cal.subtractWorkingDays('2024-05-05', 0)).toBe('2024-05-05');
    });

    it('nextWorkingDay is on or after', () => {
      expect(cal.nextWorkingDay('2024-05-03')).toBe('2024-05-03');
      expect(cal.nextWorkingDay('2024-05-04')).toBe('2024-05-06');
    });

    it('workingDaysBetween counts (from, to] and is antisymmetric', () => {
      expect(cal.workingDaysBetween('2024-05-03', '2024-05-03')).toBe(0);
      expect(cal.workingDaysBetween('2024-05-03', '2024-05-06')).toBe(1);
      expect(cal.workingDaysBetween('2024-05-06', '2024-05-03')).toBe(-1);
      expect(cal.workingDaysBetween('2024-05-04', '2024-05-05')).toBe(0);
      expect(cal.workingDaysBetween('2024-05-05', '2024-05-04')).toBe(0); // not -0
      expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(262);
    });

    it('spans many years', () => {
      expect(cal.addWorkingDays('2000-01-03', 261 * 10)).toBe(naive([]).add('2000-01-03', 261 * 10));
      expect(cal.subtractWorkingDays('2010-01-01', 5000)).toBe(addCalendarDays('2010-01-01', -7000));
    });

    it('rejects bad input', () => {
      for (const bad of ['2024-5-4', '2024-02-30', '2023-02-29', '2024-13-01', '0000-01-01', '2024-05-04T00:00', '']) {
        expect(() => cal.isWorkingDay(bad)).toThrow(RangeError);
      }
      expect(cal.isWorkingDay('2024-02-29')).toBe(true);
      expect(() => cal.addWorkingDays('2024-05-03', -1)).toThrow(RangeError);
      expect(() => cal.addWorkingDays('2024-05-03', 1.5)).toThrow(RangeError);
      expect(() => cal.subtractWorkingDays('2024-05-03', NaN)).toThrow(RangeError);
      expect(() => new WorkingCalendar([{ date: '2024-05-03', kind: 'weekend' as never }])).toThrow(RangeError);
    });
  });

  it('later overrides for the same date win', () => {
    const cal = new WorkingCalendar([
      { date: '2024-05-08', kind: 'holiday' },
      { date: '2024-05-08', kind: 'workday' },
    ]);
    expect(cal.isWorkingDay('2024-05-08')).toBe(true);
  });

  it('a year with no working day at all is skipped', () => {
    const allOff: DayOverride[] = [];
    for (let d = '2030-01-01'; d <= '2030-12-31'; d = addCalendarDays(d, 1)) allOff.push({ date: d, kind: 'holiday' });
    const cal = new WorkingCalendar(allOff);
    expect(cal.addWorkingDays('2029-12-31', 1)).toBe('2031-01-01');
    expect(cal.subtractWorkingDays('2031-01-01', 1)).toBe('2029-12-31');
    expect(cal.workingDaysBetween('2029-12-31', '2031-01-01')).toBe(1);
  });

  describe('properties', () => {
    it('agrees with a day-by-day reference on random calendars', () => {
      fc.assert(
        fc.property(overridesArb, nearDateArb, nearDateArb, fc.integer({ min: 0, max: 400 }), (ovs, d, e, n) => {
          const cal = new WorkingCalendar(ovs);
          const ref = naive(ovs);
          expect(cal.isWorkingDay(d)).toBe(ref.isWorking(d));
          expect(cal.addWorkingDays(d, n)).toBe(ref.add(d, n));
          expect(cal.workingDaysBetween(d, e)).toBe(ref.between(d, e));
        }),
        { numRuns: 300 },
      );
    });

    it('counting back what was added gives n', () => {
      fc.assert(
        fc.property(dateArb, fc.integer({ min: 0, max: 300 }), (d, n) => {
          expect(kz.workingDaysBetween(d, kz.addWorkingDays(d, n))).toBe(n);
          expect(kz.workingDaysBetween(kz.addWorkingDays(d, n), d)).toBe(0 - n); // +0 for n = 0
        }),
      );
    });

    it('for n > 0 the result is a working day after from, with exactly n working days in between', () => {
      fc.assert(
        fc.property(dateArb, fc.integer({ min: 1, max: 300 }), (d, n) => {
          const r = kz.addWorkingDays(d, n);
          expect(r > d).toBe(true);
          expect(kz.isWorkingDay(r)).toBe(true);
          // r is the *first* day reaching n: the day before it has only n - 1.
          expect(kz.workingDaysBetween(d, addCalendarDays(r, -1))).toBe(n - 1);
        }),
      );
    });

    it('subtract undoes add, landing on from or the last working day before it', () => {
      fc.assert(
        fc.property(dateArb, fc.integer({ min: 1, max: 300 }), (d, n) => {
          const back = kz.subtractWorkingDays(kz.addWorkingDays(d, n), n);
          const expected = kz.isWorkingDay(d) ? d : kz.subtractWorkingDays(d, 1);
          expect(back).toBe(expected);
        }),
      );
    });

    it('a new holiday on a working day inside (from, result] pushes the result one working day later', () => {
      fc.assert(
        fc.property(dateArb, fc.integer({ min: 1, max: 60 }), fc.nat(), (d, n, pick) => {
          const r = kz.addWorkingDays(d, n);
          const h = kz.addWorkingDays(d, 1 + (pick % n)); // one of the n working days counted
          const withHoliday = new WorkingCalendar([...KZ, { date: h, kind: 'holiday' }]);
          expect(withHoliday.addWorkingDays(d, n)).toBe(kz.addWorkingDays(r, 1));
        }),
        { numRuns: 200 },
      );
    });

    it('nextWorkingDay is the first working day on or after the date', () => {
      fc.assert(
        fc.property(dateArb, (d) => {
          const w = kz.nextWorkingDay(d);
          expect(w >= d).toBe(true);
          expect(kz.isWorkingDay(w)).toBe(true);
          expect(kz.workingDaysBetween(addCalendarDays(d, -1), addCalendarDays(w, -1))).toBe(0);
        }),
      );
    });

    it('workingDaysBetween is additive', () => {
      fc.assert(
        fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
          expect(kz.workingDaysBetween(a, b) + kz.workingDaysBetween(b, c)).toBe(kz.workingDaysBetween(a, c));
        }),
      );
    });
  });
});
