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
