import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Up to this many matches a list's `total` is exact; beyond it, the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface BoundedCount {
  total: number;
  /** true: more than EXACT_COUNT_LIMIT matched and `total` is the planner's estimate (at least EXACT_COUNT_LIMIT + 1). */
  totalIsEstimate: boolean;
}

/**
 * The number of rows a list query matches, at a bounded cost: an exact count stops after
 * EXACT_COUNT_LIMIT + 1 rows, and a larger set is estimated by the planner (EXPLAIN, no
 * execution). An exact count over a whole country's cases read every one of them on every page
 * and, 64 at a time, held every pooled connection for seconds (503s).
 */
export async function boundedCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<BoundedCount> {
  const [sql, params] = qb.clone().select('1').orderBy().offset(undefined).limit(undefined).getQueryAndParameters();
  const [{ n }]: { n: number }[] = await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) c`, params);
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalIsEstimate: false };
  const [plan]: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] = await qb.connection.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows'])), totalIsEstimate: true };
}
