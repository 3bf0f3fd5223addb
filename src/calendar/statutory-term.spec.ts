import { buildKazakhCalendar } from './kazakh-holidays';
import { termDueDate, termStartDay } from './statutory-term';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(buildKazakhCalendar(2026, 2027));

describe('statutory term: day 0 and the due date', () => {
  it('starts on the day of receipt when it is a working day', () => {
    expect(termStartDay(calendar, '2026-07-13')).toBe('2026-07-13');
    expect(termDueDate(calendar, '2026-07-13', 15)).toBe('2026-08-03');
  });

  it('starts on the next working day after a weekend: Saturday 2026-07-11 → Monday 07-13 → 2026-08-03 (API.md)', () => {
    expect(termStartDay(calendar, '2026-07-11')).toBe('2026-07-13');
    expect(termDueDate(calendar, '2026-07-11', 15)).toBe('2026-08-03');
    expect(termDueDate(calendar, '2026-07-12', 15)).toBe('2026-08-03');
  });

  it('starts after a run of holidays: received 1 Jan 2027 → day 0 is the first working day of the year', () => {
    const start = termStartDay(calendar, '2027-01-01');
    expect(calendar.isWorkingDay(start)).toBe(true);
    expect(start > '2027-01-02').toBe(true);
    expect(termDueDate(calendar, '2027-01-01', 3)).toBe(calendar.addWorkingDays(start, 3));
  });
});
