import { appealContributionSql, STORED_COUNTERS } from './report-counters';
import { receptionMonthsUpsert } from './reception-rollup.sql';

/**
 * The SQL that keeps the report cubes, generated from the counter definitions of
 * report-counters.ts so the triggers and the queries can never disagree on a counter (a counter
 * added there is picked up by the next migration that recreates the function).
 *
 * - `appeal_stats`        month × branch × channel × type × category × agency (any filter);
 * - `appeal_stats_branch` month × branch × channel × type (channel/type filters, groupBy=channel);
 * - `appeal_stats_tree`   the counts pre-rolled up the branch tree: for each appeal, one row per
 *   ancestor-or-self A of its branch (`branch_report_ancestors`) and per kind:
 *     'b' month × the child of A the appeal lies under (A itself for A's own appeals),
 *     'd' the same by day (the partial months at a window's edges),
 *     'c' month × category, 'a' month × agency (null: not routed).
 *   So a report on branch A is an index range read on (A, kind, period) with no tree join.
 *   Since migration 1763700000018 a branch with a parent has no 'b'/'d' rows keyed by itself: its
 *   parent's row keyed by it holds its whole subtree, and its own appeals are that minus its rows.
 *
 * The depth-0 root keeps no 'c' and 'a' rows for the branches below it: those keys are national
 * (every unrouted appeal in the country on one agency row per month, held to each intake's
 * commit), so a report at the root reads its children's rows instead (a few dozen regions).
 * Its 'b' and 'd' rows are keyed by region, as hot as the regions' own rows.
 */
export const CUBE_COUNTERS = STORED_COUNTERS;

/** One appeal's signed contribution from the rows of `table` (a transition table or `appeals`). */
function deltas(table: string, sign: 1 | -1, where = ''): string {
  const c = appealContributionSql('r');
  return `
      SELECT r.received_on AS day, date_trunc('month', r.received_on)::date AS month, r.branch_id, r.channel, r.type, r.category_id, r.agency_id, r.reception_id,
             ${CUBE_COUNTERS.map((k) => `${sign} * ${c[k]} AS ${k}`).join(', ')}
        FROM ${table} r ${where}`;
}

/** What a row counts for: its cube keys and its contribution to every counter. */
function countedImage(a: string): string {
  const c = appealContributionSql(a);
  return `ROW(${a}.received_on, ${a}.branch_id, ${a}.channel, ${a}.type, ${a}.category_id, ${a}.agency_id, ${a}.reception_id, ${CUBE_COUNTERS.map((k) => c[k]).join(', ')})`;
}

/**
 * Keeps the rows of a transition table whose image in `other` (the same id) counts differently. A
 * row that counts exactly alike in both would add −1 and +1 to the same groups, so an UPDATE that
 * touches no counted column (a due date moved by a calendar change, a version bump) is left out
 * before the cubes' joins and groupings instead of being summed to zero there.
 */
const countedChange = (other: string) =>
  `WHERE NOT EXISTS (SELECT 1 FROM ${other} o WHERE o.id = r.id AND ${countedImage('o')} IS NOT DISTINCT FROM ${countedImage('r')})`;

const sums = () => CUBE_COUNTERS.map((k) => `sum(${k}) AS ${k}`).join(', ');
const nonZero = () => `HAVING (${CUBE_COUNTERS.map((k) => `sum(${k}) <> 0`).join(' OR ')})`;
const addUp = (t: string) => CUBE_COUNTERS.map((k) => `${k} = ${t}.${k} + EXCLUDED.${k}`).join(', ');
const cols = () => CUBE_COUNTERS.join(', ');

/**
 * The tree cube's upsert from the deltas `d` (a CTE name). `ownFromParent` (migration
 * 1763700000018): a branch that has a parent keeps no 'b'/'d' rows of its own appeals (key = itself):
 * its parent's row keyed by it, minus its own rows, gives them (tree-facts.ts), so an appeal writes
 * two rows fewer. Without it, the rows as migration 1763700000017 defined them.
 */
function treeUpsert(d: string, ownFromParent: boolean): string {
  return `
      INSERT INTO appeal_stats_tree AS s (ancestor_id, kind, period, key_id, ${cols()})
      SELECT k.ancestor_id, x.kind, x.period, x.key_id, ${CUBE_COUNTERS.map((c) => `sum(${d}.${c}) AS ${c}`).join(', ')}
        FROM ${d} JOIN branch_report_ancestors k ON k.branch_id = ${d}.branch_id
       CROSS JOIN LATERAL (VALUES ('b'::char(1), ${d}.month, k.child_id), ('d', ${d}.day, k.child_id),
                                  ('c', ${d}.month, ${d}.category_id), ('a', ${d}.month, ${d}.agency_id)) x(kind, period, key_id)
       WHERE NOT (k.top AND x.kind IN ('c', 'a'))${ownFromParent ? ` AND NOT (k.own_from_parent AND x.kind IN ('b', 'd'))` : ''}
       GROUP BY k.ancestor_id, x.kind, x.period, x.key_id
      HAVING (${CUBE_COUNTERS.map((c) => `sum(${d}.${c}) <> 0`).join(' OR ')})
       ORDER BY k.ancestor_id, x.kind, x.period, x.key_id
      ON CONFLICT (ancestor_id, kind, period, key_id) DO UPDATE SET ${addUp('s')}`;
}

/** The columns of `reception_appeal_stats` besides its key. */
export const RECEPTION_COUNTERS = ['appeals', 'decided', 'positive'] as const;

/**
 * The receptions report's appeal counts per session from the deltas `d` (migration 1763700000025):
 * appeals, decided (the four outcomes, as in the resolution report) and positive. Only an appeal
 * made at a reception writes here (1 in 50 in the bench).
 */
function receptionUpsert(d: string): string {
  return `
        INSERT INTO reception_appeal_stats AS s (reception_id, ${RECEPTION_COUNTERS.join(', ')})
        SELECT reception_id, sum(received), sum(positive + explained + rejected + without_consideration), sum(positive)
          FROM ${d} WHERE reception_id IS NOT NULL GROUP BY reception_id
        HAVING sum(received) <> 0 OR sum(positive + explained + rejected + without_consideration) <> 0 OR sum(positive) <> 0
         ORDER BY reception_id
        ON CONFLICT (reception_id) DO UPDATE SET ${RECEPTION_COUNTERS.map((k) => `${k} = s.${k} + EXCLUDED.${k}`).join(', ')}`;
}

/**
 * The reception counts in a statement of their own (migration 1763700000027), run only when the
 * triggering statement touched an appeal made at a reception (1 in 50 in the bench): its deltas
 * `deltaRows` (those appeals only) go to `reception_appeal_stats` and to the receptions rollup
 * (`reception_stats_monthly`, reception-rollup.sql.ts) at the keys of the session — its branch's
 * ancestors, the month it started, its host type — read with the session locked FOR SHARE so a
 * concurrent move of the session is seen. The intake of the other 49 pays one EXISTS over its
 * transition table instead of the receptions' CTEs in the cubes' statement.
 */
function receptionsApply(deltaRows: string): string {
  return `
      WITH d AS (${deltaRows}),
      reception_cube AS (${receptionUpsert('d')} RETURNING 1),
      reception_keys AS (
        SELECT r.id, r.branch_id, date_trunc('month', r.starts_on)::date AS month, r.host_type FROM reception_sessions r
         WHERE r.id IN (SELECT reception_id FROM d) ORDER BY r.id FOR SHARE),
      reception_deltas AS (
        SELECT k.branch_id, k.month, k.host_type, 0 AS sessions, 0 AS visitors, d.received AS appeals,
               d.positive + d.explained + d.rejected + d.without_consideration AS decided, d.positive
          FROM d JOIN reception_keys k ON k.id = d.reception_id)
      ${receptionMonthsUpsert('reception_deltas')}`;
}

/** All cubes in one statement; keys are written in index order so concurrent writers lock alike. */
function applyAll(deltaRows: string, tree: boolean, ownFromParent: boolean, receptions: boolean): string {
  const branch = `
        INSERT INTO appeal_stats_branch AS s (month, branch_id, channel, type, ${cols()})
        SELECT month, branch_id, channel, type, ${sums()}
          FROM d GROUP BY month, branch_id, channel, type ${nonZero()}
         ORDER BY month, branch_id, channel, type
        ON CONFLICT (month, branch_id, channel, type) DO UPDATE SET ${addUp('s')}`;
  return `
      WITH d AS (${deltaRows}),
      full_cube AS (
        INSERT INTO appeal_stats AS s (month, branch_id, channel, type, category_id, agency_id, ${cols()})
        SELECT month, branch_id, channel, type, category_id, agency_id, ${sums()}
          FROM d GROUP BY month, branch_id, channel, type, category_id, agency_id ${nonZero()}
         ORDER BY month, branch_id, channel, type, category_id, agency_id
        ON CONFLICT (month, branch_id, channel, type, category_id, agency_id) DO UPDATE SET ${addUp('s')}
        RETURNING 1)${receptions ? `,
      reception_cube AS (${receptionUpsert('d')} RETURNING 1)` : ''}
      ${tree ? `, branch_cube AS (${branch} RETURNING 1) ${treeUpsert('d', ownFromParent)}` : branch}`;
}

/** Which version of the trigger function: each migration that changed it names the one it leaves. */
export interface CubeTriggerShape {
  tree: boolean;
  ownFromParent?: boolean;
  receptions?: boolean;
  skipUncounted?: boolean;
  receptionMonths?: boolean;
}

/**
 * The statement-level trigger function on `appeals` (AFTER INSERT/UPDATE/DELETE with transition
 * tables): the old row image counts −1, the new one +1; groups whose deltas are all zero (a
 * change to a column that is not counted) write nothing. `tree: false` is the function as it was
 * before the tree cube (the migration's down()); `ownFromParent` as in treeUpsert; `receptions`
 * also keeps `reception_appeal_stats` (migration 1763700000025); `skipUncounted` (migration
 * 1763700000026): an UPDATE leaves out the rows whose counted image did not change
 * (countedChange), as Postgres allows no column list on a trigger with transition tables;
 * `receptionMonths` (migration 1763700000027, with `receptions`): the reception counts, and the
 * appeal counts of `reception_stats_monthly`, in a statement of their own run only for statements
 * that touched an appeal made at a reception (receptionsApply).
 */
export function cubeTriggerFunctionSql(shape: CubeTriggerShape): string {
  const { tree, ownFromParent = false, receptions = false, skipUncounted = false, receptionMonths = false } = shape;
  const changed = (other: string) => (skipUncounted ? countedChange(other) : '');
  const inCubes = receptions && !receptionMonths;
  // The rows made at a reception, of those the cubes count (for an UPDATE, whose counted image changed).
  const atReception = (other: string | null) => {
    const skip = other ? changed(other) : '';
    return `${skip ? `${skip} AND` : 'WHERE'} r.reception_id IS NOT NULL`;
  };
  const any = (table: string) => `EXISTS (SELECT 1 FROM ${table} WHERE reception_id IS NOT NULL)`;
  const separately = (condition: string, deltaRows: string) => (receptionMonths ? `
          IF ${condition} THEN
            ${receptionsApply(deltaRows)};
          END IF;` : '');
  return `
      CREATE OR REPLACE FUNCTION appeal_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${applyAll(deltas('new_rows', 1), tree, ownFromParent, inCubes)};${separately(any('new_rows'), deltas('new_rows', 1, atReception(null)))}
        ELSIF TG_OP = 'DELETE' THEN
          ${applyAll(deltas('old_rows', -1), tree, ownFromParent, inCubes)};${separately(any('old_rows'), deltas('old_rows', -1, atReception(null)))}
        ELSE
          ${applyAll(`${deltas('new_rows', 1, changed('old_rows'))} UNION ALL ${deltas('old_rows', -1, changed('new_rows'))}`, tree, ownFromParent, inCubes)};${separately(
            `${any('new_rows')} OR ${any('old_rows')}`,
            `${deltas('new_rows', 1, atReception('old_rows'))} UNION ALL ${deltas('old_rows', -1, atReception('new_rows'))}`,
          )}
        END IF;
        RETURN NULL;
      END $$`;
}

/** Fills the tree cube from the appeals already stored (the table must be empty). */
export function treeBackfillSql(): string {
  return `WITH d AS (${deltas('appeals', 1)}) ${treeUpsert('d', false)}`;
}

/** Fills `reception_appeal_stats` from the appeals already stored (the table must be empty). */
export function receptionBackfillSql(): string {
  return `WITH d AS (${deltas('appeals', 1)}) ${receptionUpsert('d')}`;
}

/** The 'b' and 'd' rows of the own appeals of every branch that has a parent (what ownFromParent leaves out), from the appeals. */
export function ownRowsBackfillSql(): string {
  return `
      WITH d AS (${deltas('appeals', 1)})
      INSERT INTO appeal_stats_tree AS s (ancestor_id, kind, period, key_id, ${cols()})
      SELECT d.branch_id, x.kind, x.period, d.branch_id, ${CUBE_COUNTERS.map((c) => `sum(d.${c})`).join(', ')}
        FROM d JOIN branches b ON b.id = d.branch_id AND b.parent_id IS NOT NULL
       CROSS JOIN LATERAL (VALUES ('b'::char(1), d.month), ('d', d.day)) x(kind, period)
       GROUP BY d.branch_id, x.kind, x.period
      ON CONFLICT (ancestor_id, kind, period, key_id) DO UPDATE SET ${addUp('s')}`;
}
