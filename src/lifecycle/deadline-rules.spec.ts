import { WorkingCalendar } from '../calendar/working-calendar';
import { answeredDeadlineState, dueDateAfterPause, latestExtendedDueDate, openDeadlineState } from './deadline-rules';

describe('lifecycle deadline rules', () => {
  it.each([
    ['2026-03-10', '2026-05-10'],
    ['2025-12-31', '2026-02-28'],
    ['2023-12-31', '2024-02-29'],
    ['2026-11-20', '2027-01-20'],
  ])('an appeal received on %s may be extended up to %s', (receivedOn, limit) => {
    expect(latestExtendedDueDate(receivedOn)).toBe(limit);
  });

  describe('dueDateAfterPause', () => {
    // 16 Dec 2026 (Independence Day) is a Wednesday holiday.
    const calendar = new WorkingCalendar([{ date: '2026-12-16', kind: 'holiday' }]);

    it('moves nothing when the case is resumed the day it was paused', () => {
      expect(dueDateAfterPause(calendar, '2026-12-11', '2026-11-24', '2026-11-24')).toEqual({ dueDate: '2026-12-11', workdaysPaused: 0 });
    });

    it('counts the working days after the pause day up to the resume day', () => {
      // Paused Fri 27 Nov, resumed Tue 1 Dec: Mon 30 Nov and Tue 1 Dec were lost.
      expect(dueDateAfterPause(calendar, '2026-12-11', '2026-11-27', '2026-12-01')).toEqual({ dueDate: '2026-12-15', workdaysPaused: 2 });
    });

    it('skips holidays both in the pause and when moving the due date', () => {
      // Paused Mon 14 Dec, resumed Fri 18 Dec: 15, 17, 18 (16 is a holiday); 11 Dec + 3 → 14, 15, 17.
      expect(dueDateAfterPause(calendar, '2026-12-11', '2026-12-14', '2026-12-18')).toEqual({ dueDate: '2026-12-17', workdaysPaused: 3 });
    });

    it('loses no day over a weekend-only pause', () => {
      expect(dueDateAfterPause(calendar, '2026-12-11', '2026-11-28', '2026-11-29').workdaysPaused).toBe(0);
    });
  });

  it('calls an answer on the due date met and one a day later missed', () => {
    expect(answeredDeadlineState('2026-12-11', '2026-12-11')).toBe('met');
    expect(answeredDeadlineState('2026-12-12', '2026-12-11')).toBe('missed');
  });

  it('calls an open case overdue only after its due date', () => {
    expect(openDeadlineState('2026-12-11', '2026-12-11')).toBe('on_track');
    expect(openDeadlineState('2026-12-11', '2026-12-12')).toBe('overdue');
  });
});
