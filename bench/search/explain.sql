-- The case list's queries at 1,000,000 appeals (docs/search.md), as ScopedAppeals.list and
-- bounded-count.ts write them. :kz and :region are set by the caller (psql -v).
-- The caller's subtree resolved to ids first, as ScopedAppeals.list does.
SELECT coalesce(array_agg(id), '{}')::text AS ids FROM branches WHERE path <@ (SELECT path FROM branches WHERE code = :'root') \gset
\set scope 'a.branch_id = ANY(:''ids''::uuid[])'
\echo '### page 1 of 200, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### page 50 of 200, by due date'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope ORDER BY a.due_date ASC, a.id ASC OFFSET 9800 LIMIT 200;
\echo '### bounded count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM appeals a WHERE :scope LIMIT 10001) c;
\echo '### the estimate beyond 10,000'
EXPLAIN SELECT 1 FROM appeals a WHERE :scope;
\echo '### (before) the exact count every page made, scope as a subquery'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM appeals a
 WHERE a.branch_id IN (SELECT sb.id FROM branches sb WHERE sb.path <@ (SELECT path FROM branches WHERE code = :'root'));
\echo '### (before) page 50 by due date, scope as a subquery'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a
 WHERE a.branch_id IN (SELECT sb.id FROM branches sb WHERE sb.path <@ (SELECT path FROM branches WHERE code = :'root'))
 ORDER BY a.due_date ASC, a.id ASC OFFSET 9800 LIMIT 200;
\echo '### q = a registration number, any case'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope AND upper(a.number) = upper('s-0500000') ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### q = an IIN'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope AND a.applicant_iin = '888888500000' ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### q = a phone (8 707 050 00 00 → +77070500000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope AND a.applicant->>'phone' = '+77070500000' ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### q = Russian words "протекает управляющая" (prefixes, both required)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope
  AND a.search_tsv @@ to_tsquery('simple', 'протекает:* & управляющая:*') ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### q = Kazakh words "шатыры нұрланқызы"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.* FROM appeals a WHERE :scope
  AND a.search_tsv @@ to_tsquery('simple', 'шатыры:* & нұрланқызы:*') ORDER BY a.received_at DESC, a.id DESC LIMIT 200;
\echo '### count of that search (bounded)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM appeals a WHERE :scope
  AND a.search_tsv @@ to_tsquery('simple', 'шатыры:* & нұрланқызы:*') LIMIT 10001) c;
