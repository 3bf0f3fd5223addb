import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { Environment } from '../config/environment';
import { share, sumCounters } from './report-counters';
import { ReceptionGrouping, ReceptionReportQuery } from './report-query.dto';
import { ReportRoot, ReportScope } from './report-scope';
import { DateWindow, resolveWindow, earlierYears } from './report-window';
import { ReceptionReportView, ReceptionRowView } from './receptions-report.dto';
import { ReportReads } from '../database/report-reads.module';

const COUNTERS = ['sessions', 'visitors', 'appeals', 'decided', 'positive'] as const;

/**
 * GET /reports/receptions: sessions that started in the window (date in APP_TIMEZONE), their
 * visitors and the appeals made at them. Receptions are thousands a year, not millions, so this
 * reads the sessions and their visitors directly (indexed by branch and start, and by reception);
 * each session's appeal counts are one row of `reception_appeal_stats`, kept by the cube trigger
 * (report-cubes.sql.ts), so the report does not grow with the appeals made at receptions.
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
      const { sql, params } = buildReceptionsSql(root, groupBy, window, this.env.APP_TIMEZONE);
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

/** The receptions report as one statement (also timed by bench/reports). */
export function buildReceptionsSql(root: ReportRoot, groupBy: ReceptionGrouping, window: DateWindow, zone: string): { sql: string; params: unknown[] } {
  const byBranch = groupBy === 'branch';
  const sql = `WITH s AS (
           SELECT rs.id, rs.host_type, rs.branch_id FROM reception_sessions rs
            WHERE rs.starts_at >= ($2::date::timestamp AT TIME ZONE $4) AND rs.starts_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
              AND rs.branch_id IN (SELECT id FROM branches WHERE path <@ $1::ltree))
         SELECT ${byBranch ? 'g.id AS key_id, g.code AS key_code, g.name AS key_name, (g.path = $1::ltree) AS key_own' : 's.host_type AS key_id'},
                count(*)::int AS sessions, sum(v.n)::int AS visitors, coalesce(sum(ap.appeals), 0)::int AS appeals,
                coalesce(sum(ap.decided), 0)::int AS decided, coalesce(sum(ap.positive), 0)::int AS positive
           FROM s
           ${byBranch ? `JOIN branches b ON b.id = s.branch_id JOIN branches g ON g.path = subpath(b.path, 0, LEAST(nlevel(b.path), nlevel($1::ltree) + 1))` : ''}
           CROSS JOIN LATERAL (SELECT count(*) AS n FROM reception_visits v WHERE v.reception_id = s.id) v
           LEFT JOIN reception_appeal_stats ap ON ap.reception_id = s.id
          GROUP BY ${byBranch ? 'g.id, g.code, g.name, key_own ORDER BY key_own, g.code' : 's.host_type ORDER BY s.host_type'}`;
  return { sql, params: [root.path, window.from, window.to, zone] };
}
