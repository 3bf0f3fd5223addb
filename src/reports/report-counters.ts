import type { ResolutionCountersView } from './resolution-report.dto';

/**
 * The counters of the resolution report (API.md "Reports") and how one appeal contributes to
 * them. The same definitions are in the aggregate trigger (migrations/1763700000005-reports.ts):
 * - decided: has an outcome (an `answered` case awaiting the branch's check is decided);
 * - withdrawn: status withdrawn (a case withdrawn after its answer keeps its outcome, so it is
 *   also decided, as the contract defines decided by the outcome alone);
 * - pending: open and not answered yet (registered, routed, in_progress, paused);
 * - overdue: deadline state overdue; answeredOnTime: deadline state met;
 * - feedbackReceived / satisfied: the citizen's feedback on the answer (`appeal_feedback`, mirrored
 *   into `appeals.feedback_satisfied` by a trigger, migrations/1763700000013-web-interface.ts).
 */
export const STORED_COUNTERS = [
  'received', 'positive', 'explained', 'rejected', 'without_consideration', 'withdrawn', 'pending', 'overdue', 'answered_on_time',
  'feedback_received', 'satisfied',
] as const;
export type StoredCounter = (typeof STORED_COUNTERS)[number];

/** One appeal's contribution to each stored counter, as SQL over the appeal row `a`. */
export function appealContributionSql(a: string): Record<StoredCounter, string> {
  return {
    received: '1',
    positive: `coalesce(${a}.outcome = 'positive', false)::int`,
    explained: `coalesce(${a}.outcome = 'explained', false)::int`,
    rejected: `coalesce(${a}.outcome = 'rejected', false)::int`,
    without_consideration: `coalesce(${a}.outcome = 'without_consideration', false)::int`,
    withdrawn: `(${a}.status = 'withdrawn')::int`,
    pending: `(${a}.status IN ('registered','routed','in_progress','paused'))::int`,
    overdue: `(${a}.deadline_state = 'overdue')::int`,
    answered_on_time: `(${a}.deadline_state = 'met')::int`,
    feedback_received: `(${a}.feedback_satisfied IS NOT NULL)::int`,
    satisfied: `coalesce(${a}.feedback_satisfied, false)::int`,
  };
}

/** The counters and shares of a report row: the contract's shape, documented on the view class. */
export type ResolutionCounters = ResolutionCountersView;

export const RESOLUTION_COUNTER_NAMES = [
  'received', 'decided', 'positive', 'explained', 'rejected', 'withoutConsideration', 'withdrawn', 'pending', 'overdue', 'answeredOnTime',
  'feedbackReceived', 'satisfied',
] as const;
export const RESOLUTION_SHARE_NAMES = ['positiveShare', 'positiveShareOfReceived', 'onTimeShare', 'satisfiedShare'] as const;

export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Counters and shares from summed stored counters (a SQL row with snake_case names). */
export function resolutionCounters(row: Record<StoredCounter, number | string>): ResolutionCounters {
  const n = (k: StoredCounter) => Number(row[k] ?? 0);
  return withResolutionShares({
    received: n('received'),
    decided: n('positive') + n('explained') + n('rejected') + n('without_consideration'),
    positive: n('positive'),
    explained: n('explained'),
    rejected: n('rejected'),
    withoutConsideration: n('without_consideration'),
    withdrawn: n('withdrawn'),
    pending: n('pending'),
    overdue: n('overdue'),
    answeredOnTime: n('answered_on_time'),
    feedbackReceived: n('feedback_received'),
    satisfied: n('satisfied'),
  });
}

export function withResolutionShares(c: Omit<ResolutionCounters, (typeof RESOLUTION_SHARE_NAMES)[number]>): ResolutionCounters {
  return {
    ...c,
    positiveShare: share(c.positive, c.decided),
    positiveShareOfReceived: share(c.positive, c.received),
    onTimeShare: share(c.answeredOnTime, c.decided),
    satisfiedShare: share(c.satisfied, c.feedbackReceived),
  };
}

/** Totals are the sum of the rows' counters, with shares recomputed from those sums. */
export function sumCounters<C extends string>(rows: Record<C, number>[], names: readonly C[]): Record<C, number> {
  const total = Object.fromEntries(names.map((k) => [k, 0])) as Record<C, number>;
  for (const row of rows) for (const k of names) total[k] += row[k];
  return total;
}
