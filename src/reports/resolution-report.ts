import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { appealContributionSql, RESOLUTION_COUNTER_NAMES, resolutionCounters, STORED_COUNTERS, sumCounters, withResolutionShares } from './report-counters';
import { Interval, ResolutionGrouping, ResolutionReportQuery } from './report-query.dto';
import { ReportRoot, ReportScope } from './report-scope';
import { DateWindow, planWindow, resolveWindow, earlierYears } from './report-window';
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
    const main = await this.section(spec, window);
    const comparisons = await earlierYears(window, q.compareYears, (w) => this.section(spec, w));
    return { from: window.from, to: window.to, groupBy: q.groupBy, interval: q.interval, ...main, comparisons };
  }

  async section(spec: ResolutionSpec, window: DateWindow): Promise<ResolutionSection> {
    if (!spec.root) return { rows: [], totals: resolutionCounters({} as never) };
    const { sql, params } = buildResolutionSql(spec, window);
    const raw: Record<string, unknown>[] = await this.ds.query(sql, params);
    const rows: ResolutionRow[] = raw.map((r) => ({ key: rowKey(spec.groupBy, r), period: (r.period as string) ?? null, ...resolutionCounters(r as never) }));
    if (spec.groupBy === 'branch' && spec.interval === 'none') await this.addEmptyChildren(spec.root, rows);
    const totals = withResolutionShares(sumCounters(rows, RESOLUTION_COUNTER_NAMES));
    return { rows, totals };
  }

  /** Every child of the branch is listed, with zeros when it received nothing in the window. */
  private async addEmptyChildren(root: ReportRoot, rows: ResolutionRow[]): Promise<void> {
    const children: { id: string; code: string; name: string }[] = await this.ds.query(
      `SELECT id, code, name FROM branches WHERE parent_id = $1 ORDER BY code`,
      [root.id],
    );
    const present = new Set(rows.map((r) => r.key.branchId));
    for (const c of children) {
      if (!present.has(c.id)) rows.push({ key: { branchId: c.id, code: c.code, name: c.name, own: false }, period: null, ...resolutionCounters({} as never) });
    }
    rows.sort((a, b) => Number(a.key.own) - Number(b.key.own) || String(a.key.code).localeCompare(String(b.key.code)));
  }
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
 * The report as one SQL statement. `f` holds per-branch monthly sums from the smaller cube when
 * neither category nor agency is needed, else from the full cube; the edge days come from
 * `appeals` with the same counter definitions as the trigger.
 */
export function buildResolutionSql(spec: ResolutionSpec, window: DateWindow): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const needsFull = spec.groupBy === 'category' || spec.groupBy === 'agency' || spec.categoryPath !== undefined;
  const dims = ['branch_id', ...(needsFull ? ['category_id', 'agency_id'] : []), ...(spec.groupBy === 'channel' ? ['channel'] : [])];
  const rootPath = p(spec.root!.path);
  const filters = (alias: string) => {
    const f = [`${alias}.branch_id IN (SELECT id FROM branches WHERE path <@ ${rootPath}::ltree)`];
    if (spec.channels) f.push(`${alias}.channel = ANY(${p(spec.channels)}::text[])`);
    if (spec.type) f.push(`${alias}.type = ${p(spec.type)}`);
    if (spec.categoryPath) f.push(`${alias}.category_id IN (SELECT id FROM categories WHERE path <@ ${p(spec.categoryPath)}::ltree)`);
    return f.join(' AND ');
  };
  const sums = STORED_COUNTERS.map((c) => `sum(${c})::bigint AS ${c}`).join(', ');
  const plan = planWindow(window);
  const parts: string[] = [];
  if (plan.months) {
    const cube = needsFull ? 'appeal_stats' : 'appeal_stats_branch';
    parts.push(`SELECT s.month, ${dims.map((d) => `s.${d}`).join(', ')}, ${STORED_COUNTERS.map((c) => `s.${c}`).join(', ')}
      FROM ${cube} s WHERE s.month >= ${p(plan.months.from)}::date AND s.month < ${p(plan.months.toExclusive)}::date AND ${filters('s')}`);
  }
  if (plan.edges.length) {
    const contribution = appealContributionSql('a');
    const days = plan.edges.map((e) => `a.received_on BETWEEN ${p(e.from)}::date AND ${p(e.to)}::date`).join(' OR ');
    parts.push(`SELECT date_trunc('month', a.received_on)::date AS month, ${dims.map((d) => `a.${d}`).join(', ')},
             ${STORED_COUNTERS.map((c) => `${contribution[c]} AS ${c}`).join(', ')}
      FROM appeals a WHERE (${days}) AND ${filters('a')}`);
  }
  const facts = `SELECT month, ${dims.join(', ')}, ${sums} FROM (${parts.join(' UNION ALL ')}) x GROUP BY month, ${dims.join(', ')}`;
  const period = PERIOD_SQL[spec.interval];
  const outer = STORED_COUNTERS.map((c) => `sum(f.${c})::bigint AS ${c}`).join(', ');

  let select: string;
  let join = '';
  let group: string;
  let order: string;
  switch (spec.groupBy) {
    case 'branch':
      join = `JOIN branches b ON b.id = f.branch_id
              JOIN branches g ON g.path = subpath(b.path, 0, LEAST(nlevel(b.path), nlevel(${rootPath}::ltree) + 1))`;
      select = `g.id AS key_id, g.code AS key_code, g.name AS key_name, (g.path = ${rootPath}::ltree) AS key_own`;
      group = 'g.id, g.code, g.name, key_own';
      order = 'key_own, g.code';
      break;
    case 'category': {
      const catRoot = spec.categoryPath ? `${p(spec.categoryPath)}::ltree` : null;
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
  const sql = `WITH f AS (${facts})
    SELECT ${select}, ${period} AS period, ${outer}
      FROM f ${join}
     GROUP BY ${group ? `${group}, ` : ''}period
     ORDER BY ${order}, period`;
  return { sql, params };
}
