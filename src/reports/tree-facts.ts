import { STORED_COUNTERS } from './report-counters';
import type { ResolutionSpec } from './resolution-report';
import type { WindowPlan } from './report-window';

/** Which rows of the tree cube (report-cubes.sql.ts) answer a report, or null when it cannot. */
export type TreeKind = 'b' | 'c' | 'a';

/**
 * The tree cube has no channel or type, and its branch and agency rows no category: those
 * reports read the finer cubes. Everything else — by branch, in total, by category (with or
 * without a parent category), by agency — reads the tree.
 */
export function treeKind(spec: ResolutionSpec): TreeKind | null {
  if (spec.channels !== undefined || spec.type !== undefined) return null;
  switch (spec.groupBy) {
    case 'branch':
    case 'none':
      return spec.categoryPath === undefined ? 'b' : null;
    case 'category':
      return 'c';
    case 'agency':
      return spec.categoryPath === undefined ? 'a' : null;
    default:
      return null;
  }
}

/** The fact column a kind's key_id becomes, as the outer query of resolution-report.ts expects it. */
export const TREE_DIM: Record<TreeKind, string> = { b: 'branch_id', c: 'category_id', a: 'agency_id' };

/**
 * Rows of the report's subtree from the tree cube: the report branch's own rows; for categories
 * and agencies at a depth-0 root (which keeps none for the branches below it) its own and its
 * children's rows. For kind 'b' the key is the child of the report's branch the counts lie
 * under (the branch itself for its own appeals).
 * Whole months come from the monthly rows; the edge days, for 'b', from the daily rows — for
 * 'c' and 'a' the caller reads them from `appeals`. `bound` turns a date of the plan into SQL (a
 * parameter, or a column of the caller's list of windows).
 * A branch with a parent keeps no 'b'/'d' rows for its own appeals (migration 1763700000018): they
 * are its parent's row keyed by it minus its rows (the caller drops groups that sum to nothing).
 */
export function treeFactParts(kind: TreeKind, plan: WindowPlan, root: { id: string; hasParent: boolean }, bound: (date: string) => string): string[] {
  const rootId = `${root.id}::uuid`;
  const ancestors = kind === 'b'
    ? `t.ancestor_id = ${rootId}`
    : `t.ancestor_id = ANY(ARRAY(SELECT id FROM branches WHERE id = ${rootId} OR (parent_id = ${rootId} AND nlevel(path) = 2)))`;
  const counters = (sign: string) => STORED_COUNTERS.map((c) => `${sign}t.${c} AS ${c}`).join(', ');
  const rows = (key: string, sign: string, where: string) => `SELECT date_trunc('month', t.period)::date AS month, ${key} AS ${TREE_DIM[kind]}, ${counters(sign)}
      FROM appeal_stats_tree t WHERE ${where}`;
  const periods: string[] = [];
  if (plan.months) periods.push(`t.kind = '${kind}' AND t.period >= ${bound(plan.months.from)}::date AND t.period < ${bound(plan.months.toExclusive)}::date`);
  if (kind === 'b') for (const e of plan.edges) periods.push(`t.kind = 'd' AND t.period BETWEEN ${bound(e.from)}::date AND ${bound(e.to)}::date`);
  const own = (w: string) => [
    rows(rootId, '', `t.ancestor_id = (SELECT parent_id FROM branches WHERE id = ${rootId}) AND ${w} AND t.key_id = ${rootId}`),
    rows(rootId, '-', `t.ancestor_id = ${rootId} AND ${w}`),
  ];
  return periods.flatMap((w) => [rows('t.key_id', '', `${ancestors} AND ${w}`), ...(kind === 'b' && root.hasParent ? own(w) : [])]);
}
