/**
 * The receptions aggregates computed without the monthly rollup, for the checks that the rollup and the
 * report equal them (test/report-aggregates, test/receptions-report, bench/reports) and for timing the
 * report as it was before the rollup.
 */

/**
 * `reception_stats_monthly` (migration 1763700000027) from first principles, for the checks that the rollup
 * equals it (test/report-aggregates, bench/reports): each session, its month from `starts_at` in Asia/Almaty
 * (the zone the tests and benches run with; not the stored local date), its visits and its appeals counted
 * from `appeals`, at its branch and each ancestor (by ltree), by the child on the way down ('b') and by host
 * type ('h', not at a depth-0 root above the branch).
 */
export const RECEPTION_MONTHS_FROM_SCRATCH = `
  WITH s AS (
    SELECT rs.id, rs.branch_id, rs.host_type, date_trunc('month', rs.starts_at AT TIME ZONE 'Asia/Almaty')::date AS month,
           (SELECT count(*) FROM reception_visits v WHERE v.reception_id = rs.id) AS visitors,
           (SELECT count(*) FROM appeals a WHERE a.reception_id = rs.id) AS appeals,
           (SELECT count(a.outcome) FROM appeals a WHERE a.reception_id = rs.id) AS decided,
           (SELECT count(*) FROM appeals a WHERE a.reception_id = rs.id AND a.outcome = 'positive') AS positive
      FROM reception_sessions rs)
  SELECT anc.id AS ancestor_id, k.kind, s.month, k.child_id, k.host_type, count(*)::int AS sessions, sum(s.visitors)::int AS visitors,
         sum(s.appeals)::int AS appeals, sum(s.decided)::int AS decided, sum(s.positive)::int AS positive
    FROM s JOIN branches x ON x.id = s.branch_id
    JOIN branches anc ON anc.path @> x.path
    JOIN branches ch ON ch.path = subpath(x.path, 0, LEAST(nlevel(x.path), nlevel(anc.path) + 1))
   CROSS JOIN LATERAL (VALUES ('b', ch.id, NULL::text), ('h', NULL::uuid, s.host_type::text)) k(kind, child_id, host_type)
   WHERE k.kind = 'b' OR anc.id = x.id OR nlevel(anc.path) > 1
   GROUP BY 1, 2, 3, 4, 5`;

/** The rollup as stored, in the same columns, without the rows that dropped to zero. */
export const RECEPTION_MONTHS_STORED = `SELECT ancestor_id, kind::text, month, child_id, host_type::text, sessions, visitors, appeals, decided, positive
    FROM reception_stats_monthly WHERE sessions <> 0 OR visitors <> 0 OR appeals <> 0 OR decided <> 0 OR positive <> 0`;

/**
 * The receptions report read from the sessions of the window (by `starts_at` in the zone, not the stored
 * local date), each with its visits, in the report's columns (`key_id`, and by branch `key_code`,
 * `key_name`, `key_own`, then the counters). $1 root path, $2/$3 the window, $4 the zone. Each session's
 * appeals are counted from `appeals` (first principles: the statement before migration 1763700000025),
 * or read from its row of `reception_appeal_stats` (the report before migration 1763700000027).
 */
function receptionsFromSessionsSql(groupBy: 'branch' | 'hostType', appeals: 'counted' | 'per-session row'): string {
  const byBranch = groupBy === 'branch';
  const [sums, join] =
    appeals === 'counted'
      ? [
          'sum(ap.n)::int AS appeals, sum(ap.decided)::int AS decided, sum(ap.positive)::int AS positive',
          `CROSS JOIN LATERAL (SELECT count(*) AS n, count(a.outcome) AS decided, count(*) FILTER (WHERE a.outcome = 'positive') AS positive
                                 FROM appeals a WHERE a.reception_id = s.id) ap`,
        ]
      : [
          'coalesce(sum(ap.appeals), 0)::int AS appeals, coalesce(sum(ap.decided), 0)::int AS decided, coalesce(sum(ap.positive), 0)::int AS positive',
          'LEFT JOIN reception_appeal_stats ap ON ap.reception_id = s.id',
        ];
  return `WITH s AS (
           SELECT rs.id, rs.host_type, rs.branch_id FROM reception_sessions rs
            WHERE rs.starts_at >= ($2::date::timestamp AT TIME ZONE $4) AND rs.starts_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
              AND rs.branch_id IN (SELECT id FROM branches WHERE path <@ $1::ltree))
         SELECT ${byBranch ? 'g.id AS key_id, g.code AS key_code, g.name AS key_name, (g.path = $1::ltree) AS key_own' : 's.host_type AS key_id'},
                count(*)::int AS sessions, sum(v.n)::int AS visitors, ${sums}
           FROM s
           ${byBranch ? 'JOIN branches b ON b.id = s.branch_id JOIN branches g ON g.path = subpath(b.path, 0, LEAST(nlevel(b.path), nlevel($1::ltree) + 1))' : ''}
           CROSS JOIN LATERAL (SELECT count(*) AS n FROM reception_visits v WHERE v.reception_id = s.id) v
           ${join}
          GROUP BY ${byBranch ? 'g.id, g.code, g.name, key_own ORDER BY key_own, g.code' : 's.host_type ORDER BY s.host_type'}`;
}

/** The receptions report from first principles (receptionsFromSessionsSql). */
export const receptionsFromAppealsSql = (groupBy: 'branch' | 'hostType') => receptionsFromSessionsSql(groupBy, 'counted');

/** The receptions report as it was before the monthly rollup (receptionsFromSessionsSql). */
export const receptionsFromEverySessionSql = (groupBy: 'branch' | 'hostType') => receptionsFromSessionsSql(groupBy, 'per-session row');
