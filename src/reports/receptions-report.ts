import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { Environment } from '../config/environment';
import { share, sumCounters } from './report-counters';
import { ReceptionGrouping, ReceptionReportQuery } from './report-query.dto';
import { ReportRoot, ReportScope } from './report-scope';
import { DateWindow, earlierYears, planWindow, resolveWindow } from './report-window';
import { ReceptionReportView, ReceptionRowView } from './receptions-report.dto';
import { ReportReads } from '../database/report-reads.module';

const COUNTERS = ['sessions', 'visitors', 'appeals', 'decided', 'positive'] as const;

/**
 * GET /reports/receptions: sessions that started in the window (date in APP_TIMEZONE), their
 * visitors and the appeals made at them. Whole months are read from the monthly rollup and only
 * the partial edge days from the sessions (buildReceptionsSql), so the report grows neither with
 * the appeals made at receptions nor with the sessions of the window's whole months.
 */
@Injectable()
export class ReceptionsReportQueryService {
  constructor(
    private readonly ds: ReportReads,
    private readonly env: Environment,
    private readonly scope: ReportScope,
  ) {}

  async run(principal: Principal, q: ReceptionReportQuery): Promise<ReceptionReportView> {
    const window = resolveWindow(q.from, q.to, this.env.APP_TIMEZONE);
    const root = await this.scope.root(principal, q.branchId);
    const comparisons = await earlierYears(window, q.compareYears, (w) => this.section(root, q.groupBy, w));
    return { from: window.from, to: window.to, groupBy: q.groupBy, ...(await this.section(root, q.groupBy, window)), comparisons };
  }

  private async section(root: ReportRoot | null, groupBy: ReceptionGrouping, window: DateWindow) {
    const rows: ReceptionRowView[] = [];
    if (root) {
      const byBranch = groupBy === 'branch';
      const { sql, params } = buildReceptionsSql(root, groupBy, window);
      const raw: Record<string, unknown>[] = await this.ds.query(sql, params);
      for (const r of raw) {
        const key = byBranch ? { branchId: r.key_id, code: r.key_code, name: r.key_name, own: r.key_own } : { hostType: r.key_id };
        const c = Object.fromEntries(COUNTERS.map((k) => [k, Number(r[k] ?? 0)])) as Record<(typeof COUNTERS)[number], number>;
        rows.push({ key, ...c, positiveShare: share(c.positive, c.decided) });
      }
    }
    const totals = sumCounters(rows, COUNTERS);
    return { rows, totals: { ...totals, positiveShare: share(totals.positive, totals.decided) } };
  }
}

/**
 * The receptions report as one statement (also timed by bench/reports). Whole months of the window
 * come from `reception_stats_monthly` (reception-rollup.sql.ts, migration 1763700000027), rolled up to
 * the report's branch: by branch, its rows keyed by the child each session lies under (the branch itself
 * for its own); by host type, its rows, or at a depth-0 root its own and its children's (it keeps none
 * for the branches below it). The partial months at the window's edges (planWindow) are read from the
 * sessions that started on those days (`starts_on`, the local date), with their visits and their row of
 * `reception_appeal_stats`, in the subtree (`branch_report_ancestors`). A group is listed when it has a
 * session in the window.
 */
export function buildReceptionsSql(root: ReportRoot, groupBy: ReceptionGrouping, window: DateWindow): { sql: string; params: unknown[] } {
  const byBranch = groupBy === 'branch';
  const plan = planWindow(window);
  const params: unknown[] = [root.id];
  const p = (v: unknown) => `$${params.push(v)}`;
  const parts: string[] = [];
  if (plan.months) {
    const ancestors = byBranch
      ? 't.ancestor_id = $1::uuid'
      : `t.ancestor_id = ANY(ARRAY(SELECT id FROM branches WHERE id = $1::uuid OR (parent_id = $1::uuid AND nlevel(path) = 2)))`;
    parts.push(`SELECT ${byBranch ? 't.child_id' : 't.host_type'} AS key, ${COUNTERS.map((c) => `t.${c}`).join(', ')}
              FROM reception_stats_monthly t
             WHERE ${ancestors} AND t.kind = '${byBranch ? 'b' : 'h'}' AND t.month >= ${p(plan.months.from)}::date AND t.month < ${p(plan.months.toExclusive)}::date`);
  }
  if (plan.edges.length) {
    const days = plan.edges.map((e) => `rs.starts_on BETWEEN ${p(e.from)}::date AND ${p(e.to)}::date`).join(' OR ');
    parts.push(`SELECT ${byBranch ? 'k.child_id' : 'rs.host_type'} AS key, 1 AS sessions,
                   (SELECT count(*) FROM reception_visits v WHERE v.reception_id = rs.id) AS visitors,
                   coalesce(ap.appeals, 0) AS appeals, coalesce(ap.decided, 0) AS decided, coalesce(ap.positive, 0) AS positive
              FROM reception_sessions rs
              JOIN branch_report_ancestors k ON k.branch_id = rs.branch_id AND k.ancestor_id = $1::uuid
              LEFT JOIN reception_appeal_stats ap ON ap.reception_id = rs.id
             WHERE ${days}`);
  }
  const sums = COUNTERS.map((c) => `sum(f.${c})::int AS ${c}`).join(', ');
  const sql = `WITH f AS (${parts.join('\n            UNION ALL\n            ')})
         SELECT ${byBranch ? 'g.id AS key_id, g.code AS key_code, g.name AS key_name, (g.id = $1::uuid) AS key_own' : 'f.key AS key_id'}, ${sums}
           FROM f ${byBranch ? 'JOIN branches g ON g.id = f.key' : ''}
          GROUP BY ${byBranch ? 'g.id, g.code, g.name' : 'f.key'}
         HAVING sum(f.sessions) <> 0
          ORDER BY ${byBranch ? 'key_own, g.code' : 'f.key'}`;
  return { sql, params };
}
