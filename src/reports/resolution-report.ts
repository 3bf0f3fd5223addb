import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { appealContributionSql, RESOLUTION_COUNTER_NAMES, resolutionCounters, STORED_COUNTERS, sumCounters, withResolutionShares } from './report-counters';
import { Interval, ResolutionGrouping, ResolutionReportQuery } from './report-query.dto';
import { ReportRoot, ReportScope } from './report-scope';
import { periodsOf } from './report-periods';
import { DateWindow, earlierWindows, planWindow, resolveWindow, WindowPlan } from './report-window';
import { TREE_DIM, treeFactParts, treeKind } from './tree-facts';
import { ResolutionReport, ResolutionRow, ResolutionSection } from './resolution-report.dto';
import { ReportReads } from '../database/report-reads.module';

/** The report's parameters after validation and scoping. */
export interface ResolutionSpec {
  root: ReportRoot | null;
  groupBy: ResolutionGrouping;
  interval: Interval;
  channels?: string[];
  categoryPath?: string;
  categoryId?: string;
  type?: string;
}

const PERIOD_SQL: Record<Interval, string> = {
  none: 'NULL::text',
  month: `to_char(f.month, 'YYYY-MM')`,
  quarter: `to_char(f.month, 'YYYY-"Q"Q')`,
  year: `to_char(f.month, 'YYYY')`,
};

/**
 * GET /reports/resolution: reads the monthly aggregates (whole months) and the appeals of the
 * partial months at the window's edges, then rolls them up the branch or category tree.
 */
@Injectable()
export class ResolutionReportQueryService {
  constructor(
    private readonly ds: ReportReads,
    private readonly env: Environment,
    private readonly scope: ReportScope,
  ) {}

  async run(principal: Principal, q: ResolutionReportQuery): Promise<ResolutionReport> {
    const window = resolveWindow(q.from, q.to, this.env.APP_TIMEZONE);
    const root = await this.scope.root(principal, q.branchId);
    let categoryPath: string | undefined;
    if (q.categoryId) {
      const [cat] = await this.ds.query(`SELECT path::text AS path FROM categories WHERE id = $1`, [q.categoryId]);
      if (!cat) throw AppError.validation('categoryId', 'category does not exist', 'not_exists');
      categoryPath = cat.path;
    }
    const spec: ResolutionSpec = { root, groupBy: q.groupBy, interval: q.interval, channels: q.channel, categoryId: q.categoryId, categoryPath, type: q.type };
    const earlier = earlierWindows(window, q.compareYears);
    const [main, ...comparisons] = await this.sections(spec, [window, ...earlier]);
    return { from: window.from, to: window.to, groupBy: q.groupBy, interval: q.interval, ...main, comparisons: comparisons.map((c, i) => ({ ...earlier[i], ...c })) };
  }

  /** The sections of all windows from one statement. */
  async sections(spec: ResolutionSpec, windows: DateWindow[]): Promise<ResolutionSection[]> {
    if (!spec.root) return windows.map(() => ({ rows: [], totals: resolutionCounters({} as never) }));
    const { sql, params } = buildResolutionSql(spec, windows);
    const raw: Record<string, unknown>[] = await this.ds.query(sql, params);
    const found: ResolutionRow[][] = windows.map(() => []);
    for (const r of raw) found[r.w as number].push({ key: rowKey(spec.groupBy, r), period: (r.period as string) ?? null, ...resolutionCounters(r as never) });
    const children = spec.groupBy === 'branch' ? await this.children(spec.root) : [];
    return windows.map((window, i) => {
      const rows = everyPeriod(groups(spec, found[i], children), periodsOf(window, spec.interval), found[i]);
      return { rows, totals: withResolutionShares(sumCounters(rows, RESOLUTION_COUNTER_NAMES)) };
    });
  }

  /** The children of the report's branch: a report by branch lists each, with zeros where it received nothing. */
  private async children(root: ReportRoot): Promise<RowKey[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id AS key_id, code AS key_code, name AS key_name, false AS key_own FROM branches WHERE parent_id = $1`,
      [root.id],
    );
    return rows.map((c) => rowKey('branch', c));
  }
}

type RowKey = Record<string, unknown>;
const groupId = (key: RowKey) => JSON.stringify(key);

/**
 * The groups a section lists, in the report's order: every group with appeals in the window,
 * every child of the branch for groupBy=branch (zeros included), and the one group of
 * groupBy=none, which is there even when nothing was received.
 */
function groups(spec: ResolutionSpec, found: ResolutionRow[], children: RowKey[]): RowKey[] {
  const byId = new Map(found.map((r) => [groupId(r.key), r.key]));
  if (spec.groupBy === 'none' && byId.size === 0) byId.set(groupId({}), {});
  if (spec.groupBy !== 'branch') return [...byId.values()];
  for (const key of children) if (!byId.has(groupId(key))) byId.set(groupId(key), key);
  return [...byId.values()].sort((a, b) => Number(a.own) - Number(b.own) || String(a.code).localeCompare(String(b.code)));
}

/** Group × period, each found row in its place and a row of zeros where the group received nothing in that period. */
function everyPeriod(groups: RowKey[], periods: (string | null)[], found: ResolutionRow[]): ResolutionRow[] {
  const byCell = new Map(found.map((r) => [`${groupId(r.key)} ${r.period}`, r]));
  return groups.flatMap((key) => {
    const id = groupId(key);
    return periods.map((period) => byCell.get(`${id} ${period}`) ?? { key, period, ...resolutionCounters({} as never) });
  });
}

function rowKey(groupBy: ResolutionGrouping, r: Record<string, unknown>): Record<string, unknown> {
  switch (groupBy) {
    case 'branch':
      return { branchId: r.key_id, code: r.key_code, name: r.key_name, own: r.key_own };
    case 'category':
      return { categoryId: r.key_id, code: r.key_code, name: r.key_name, names: { kk: r.key_name_kk, ru: r.key_name, en: r.key_name_en }, own: r.key_own };
    case 'agency':
      return { agencyId: r.key_id ?? null, code: r.key_code ?? null, name: r.key_name ?? null };
    case 'channel':
      return { channel: r.key_id };
    case 'none':
      return {};
  }
}

/**
 * The report as one SQL statement for all its windows (the report's and its comparisons'; column
 * `w` is the window's index). `f` holds monthly counts from the tree cube when it can answer
 * (tree-facts.ts: by branch, in total, by category or agency, without channel or type filters),
 * else per branch from the smaller cube when neither category nor agency is needed, else from
 * the full cube; edge days the tree cannot answer come from `appeals` with the same counter
 * definitions as the trigger. One aggregation rolls `f` up to the report's groups: one statement
 * and one grouping per report, not per window (docs/benchmarks-reports.md, "Issue 14, round 3").
 */
/** `useTree: false` is the plan before the tree cube (bench/reports shows both). */
export function buildResolutionSql(spec: ResolutionSpec, windows: DateWindow[], useTree = true): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const tree = useTree ? treeKind(spec) : null;
  const needsFull = spec.groupBy === 'category' || spec.groupBy === 'agency' || spec.categoryPath !== undefined;
  const dims = tree
    ? [TREE_DIM[tree]]
    : ['branch_id', ...(needsFull ? ['category_id', 'agency_id'] : []), ...(spec.groupBy === 'channel' ? ['channel'] : [])];
  // A parameter only once used: Postgres cannot type one the statement never reads.
  let rootPathParam: string | undefined;
  const rootPath = () => (rootPathParam ??= p(spec.root!.path));
  let rootIdParam: string | undefined;
  const rootId = () => (rootIdParam ??= p(spec.root!.id));
  let categoryPathParam: string | undefined;
  const categoryPath = () => (categoryPathParam ??= p(spec.categoryPath));
  const filters = (alias: string) => {
    const f = [`${alias}.branch_id IN (SELECT id FROM branches WHERE path <@ ${rootPath()}::ltree)`];
    if (spec.channels) f.push(`${alias}.channel = ANY(${p(spec.channels)}::text[])`);
    if (spec.type) f.push(`${alias}.type = ${p(spec.type)}`);
    if (spec.categoryPath) f.push(`${alias}.category_id IN (SELECT id FROM categories WHERE path <@ ${categoryPath()}::ltree)`);
    return f.join(' AND ');
  };
  // The facts of one window plan; `bound` turns a date of the plan into SQL.
  const factsOf = (plan: WindowPlan, bound: (date: string) => string): string[] => {
    const parts: string[] = [];
    // The tree's 'c' and 'a' rows are monthly: a window inside one month reads none (and must not
    // allocate the root's parameter, which Postgres could not type unused).
    if (tree && (plan.months || tree === 'b')) {
      // A depth-0 root's path is one label: it has no parent.
      parts.push(...treeFactParts(tree, plan, { id: rootId(), hasParent: spec.root!.path.includes('.') }, bound));
      if (tree === 'c' && spec.categoryPath) {
        for (let i = 0; i < parts.length; i++) parts[i] += ` AND t.key_id IN (SELECT id FROM categories WHERE path <@ ${categoryPath()}::ltree)`;
      }
    } else if (!tree && plan.months) {
      const cube = needsFull ? 'appeal_stats' : 'appeal_stats_branch';
      parts.push(`SELECT s.month, ${dims.map((d) => `s.${d}`).join(', ')}, ${STORED_COUNTERS.map((c) => `s.${c}`).join(', ')}
      FROM ${cube} s WHERE s.month >= ${bound(plan.months.from)}::date AND s.month < ${bound(plan.months.toExclusive)}::date AND ${filters('s')}`);
    }
    // The tree's daily rows cover the edges of branch reports; the others read those days from `appeals`.
    if (plan.edges.length && tree !== 'b') {
      const contribution = appealContributionSql('a');
      const days = plan.edges.map((e) => `a.received_on BETWEEN ${bound(e.from)}::date AND ${bound(e.to)}::date`).join(' OR ');
      parts.push(`SELECT date_trunc('month', a.received_on)::date AS month, ${dims.map((d) => `a.${d}`).join(', ')},
             ${STORED_COUNTERS.map((c) => `${contribution[c]} AS ${c}`).join(', ')}
      FROM appeals a WHERE (${days}) AND ${filters('a')}`);
    }
    return parts;
  };
  const plans = windows.map(planWindow);
  let rows: string;
  if (tree) {
    // The tree's reads are small index ranges. The windows are a VALUES list the same parts read
    // through LATERAL (a slot a window lacks is NULL and reads nothing): a UNION ALL of the windows
    // would be an Append that Postgres plans in parallel, and starting workers costs more than the reads.
    const edgeSlots = Math.max(...plans.map((plan) => plan.edges.length));
    const slots: WindowPlan = {
      months: plans.some((plan) => plan.months) ? { from: 'win.months_from', toExclusive: 'win.months_to' } : null,
      edges: Array.from({ length: edgeSlots }, (_, i) => ({ from: `win.edge${i}_from`, to: `win.edge${i}_to` })),
    };
    const values = plans.map((plan, w) => {
      const dates = [plan.months?.from, plan.months?.toExclusive, ...slots.edges.flatMap((_, i) => [plan.edges[i]?.from, plan.edges[i]?.to])];
      return `(${w}, ${dates.map((d) => `${p(d ?? null)}::date`).join(', ')})`;
    });
    const columns = ['w', 'months_from', 'months_to', ...slots.edges.flatMap((_, i) => [`edge${i}_from`, `edge${i}_to`])];
    rows = `SELECT win.w, x.* FROM (VALUES ${values.join(', ')}) win(${columns.join(', ')})
      CROSS JOIN LATERAL (${factsOf(slots, (slot) => slot).join(' UNION ALL ')}) x`;
  } else {
    rows = plans.map((plan, w) => `SELECT ${w} AS w, x.* FROM (${factsOf(plan, p).join(' UNION ALL ')}) x`).join(' UNION ALL ');
  }
  // Summed per window, month and key before the join to the groups (the finer cubes give many rows
  // per key). A month's count fits the cubes' integer columns, so the outer sum stays a bigint.
  const facts = `SELECT w, month, ${dims.join(', ')}, ${STORED_COUNTERS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
      FROM (${rows}) x
     GROUP BY w, month, ${dims.join(', ')}`;
  const period = PERIOD_SQL[spec.interval];
  const sums = STORED_COUNTERS.map((c) => `sum(f.${c}) AS ${c}`).join(', ');

  let select: string;
  let join = '';
  let group: string;
  let order: string;
  switch (spec.groupBy) {
    case 'branch':
      // From the tree cube f.branch_id already is the child (or the branch itself).
      join = tree
        ? 'JOIN branches g ON g.id = f.branch_id'
        : `JOIN branches b ON b.id = f.branch_id
              JOIN branches g ON g.path = subpath(b.path, 0, LEAST(nlevel(b.path), nlevel(${rootPath()}::ltree) + 1))`;
      select = `g.id AS key_id, g.code AS key_code, g.name AS key_name, (g.path = ${rootPath()}::ltree) AS key_own`;
      group = 'g.id, g.code, g.name, key_own';
      order = 'key_own, g.code';
      break;
    case 'category': {
      const catRoot = spec.categoryPath ? `${categoryPath()}::ltree` : null;
      const depth = catRoot ? `nlevel(${catRoot}) + 1` : '1';
      join = `JOIN categories c ON c.id = f.category_id
              JOIN categories g ON g.path = subpath(c.path, 0, LEAST(nlevel(c.path), ${depth}))`;
      select = `g.id AS key_id, g.code AS key_code, g.name_ru AS key_name, g.name_kk AS key_name_kk, g.name_en AS key_name_en,
                ${catRoot ? `(g.path = ${catRoot})` : 'false'} AS key_own`;
      group = 'g.id, g.code, g.name_ru, g.name_kk, g.name_en, key_own';
      order = 'key_own, g.code';
      break;
    }
    case 'agency':
      join = 'LEFT JOIN agencies g ON g.id = f.agency_id';
      select = 'g.id AS key_id, g.code AS key_code, g.name AS key_name';
      group = 'g.id, g.code, g.name';
      order = 'g.code NULLS LAST';
      break;
    case 'channel':
      select = 'f.channel AS key_id';
      group = 'f.channel';
      order = 'f.channel';
      break;
    case 'none':
      select = 'NULL AS key_id';
      group = '';
      order = '1';
      break;
  }
  // A group that sums to nothing received nothing (a cube row left at zero by a move or a delete, or a
  // branch's own appeals computed as a difference): it is not listed, as a GROUP BY over appeals would
  // not. Counts are never negative, so a group is nonzero exactly when some month of it is.
  const sql = `SELECT f.w, ${select}, ${period} AS period, ${sums}
      FROM (${facts}) f ${join}
     GROUP BY f.w, ${group ? `${group}, ` : ''}period
    HAVING (${STORED_COUNTERS.map((c) => `sum(f.${c}) <> 0`).join(' OR ')})
     ORDER BY f.w, ${order}, period`;
  return { sql, params };
}
