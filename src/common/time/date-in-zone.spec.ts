import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dateInZone } from './date-in-zone';

describe('dateInZone', () => {
  it('gives the date luxon gives, in the zones the service runs in', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('Asia/Almaty', 'Asia/Aqtobe', 'UTC', 'Europe/Moscow'),
        (at, zone) => dateInZone(at, zone) === DateTime.fromJSDate(at, { zone }).toISODate(),
      ),
      { numRuns: 2000 },
    );
  });

  it('turns the day at local midnight, not at UTC midnight', () => {
    expect(dateInZone(new Date('2026-11-30T18:59:59Z'), 'Asia/Almaty')).toBe('2026-11-30');
    expect(dateInZone(new Date('2026-11-30T19:00:00Z'), 'Asia/Almaty')).toBe('2026-12-01');
  });
});
