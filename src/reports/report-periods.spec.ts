import { periodsOf } from './report-periods';

describe('periodsOf', () => {
  it('lists every period the window touches, partial ones at the edges included', () => {
    expect(periodsOf({ from: '2025-01-20', to: '2025-05-09' }, 'month')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(periodsOf({ from: '2024-12-31', to: '2025-07-01' }, 'quarter')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3']);
    expect(periodsOf({ from: '2023-06-01', to: '2025-01-01' }, 'year')).toEqual(['2023', '2024', '2025']);
  });

  it('gives one period for a one-day window and null for interval=none', () => {
    expect(periodsOf({ from: '2025-02-28', to: '2025-02-28' }, 'month')).toEqual(['2025-02']);
    expect(periodsOf({ from: '2025-01-01', to: '2025-12-31' }, 'none')).toEqual([null]);
  });
});
