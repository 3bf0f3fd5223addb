import { OPEN_STATUSES } from '../appeals/appeal.enums';
import { routedAgencySql } from '../routing/routing-resolution.sql';
import { REPEAT_WINDOW_DAYS } from './repeat-policy';

/**
 * Registration in one statement, so intake costs one round trip (STYLE.md "Hot paths in SQL you
 * can see"). Alone it is its own transaction; inside a caller's transaction (a call or a visit
 * saved with its appeal) it joins it. The number comes from the region's sequence for the year
 * (migration 1763700000007), which holds no lock until commit.
 *
 * - refs: the branch (its region and path), whether it lies in the caller's subtree, the category;
 *   when any is wrong nothing below writes a row, and the caller turns the flags into a 400/403;
 * - counter: the next number of the region and year (taken only when the references are right),
 *   formatted "ALA-2026-000042" (region code, year of registration, six-digit sequence);
 * - the routing rule (routing-resolution.sql.ts) and the repeat link (same applicant, same
 *   category, same region: open, or registered within the repeat window);
 * - the appeal, its first events (registered, and routed when a rule matched) and its outbox
 *   messages (receipt, forwarded, deadlines), in that order.
 *
 * Parameters: $1 branch, $2 category, $3 scope root (null: anywhere), $4 year, $5 tracking code,
 * $6 channel, $7 type, $8 subject, $9 text, $10 language, $11 anonymous, $12 signatories,
 * $13 applicant (jsonb), $14 applicant IIN, $15 received at, $16 received on (day 0), $17 due date,
 * $18 reception, $19 call, $20 created by, $21 term in working days.
 */
export const REGISTER_APPEAL_SQL = `
WITH refs AS (
  SELECT b.region_code, b.path AS branch_path,
         ($3::uuid IS NULL OR b.path <@ (SELECT path FROM branches WHERE id = $3)) AS in_scope,
         (SELECT path FROM categories WHERE id = $2) AS category_path
    FROM (SELECT 1) AS one LEFT JOIN branches b ON b.id = $1
),
ok AS (
  SELECT * FROM refs WHERE region_code IS NOT NULL AND in_scope AND category_path IS NOT NULL
),
counter AS (
  SELECT region_code, nextval(registration_sequence(region_code, $4)) AS last_value FROM ok
),
routed AS (
  SELECT ${routedAgencySql('ok.category_path', 'ok.branch_path')} AS agency_id FROM ok
),
earlier AS (
  SELECT a.id
    FROM appeals a JOIN branches ab ON ab.id = a.branch_id, ok
   WHERE $14::char(12) IS NOT NULL AND a.applicant_iin = $14 AND a.category_id = $2 AND ab.region_code = ok.region_code
     AND (a.status = ANY('{${OPEN_STATUSES.join(',')}}'::varchar[]) OR a.registered_at > now() - interval '${REPEAT_WINDOW_DAYS} days')
   ORDER BY a.received_at DESC
   LIMIT 1
),
ins AS (
  INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, agency_id, subject, text, language,
                       anonymous, signatories, applicant, applicant_iin, received_at, received_on, due_date, reception_id, call_id,
                       repeat_of_id, created_by, deadline_start, deadline_term_workdays)
  SELECT c.region_code || '-' || $4 || '-' || lpad(c.last_value::text, 6, '0'), $5, $6, $7,
         CASE WHEN r.agency_id IS NULL THEN 'registered' ELSE 'routed' END, $2, $1, r.agency_id, $8, $9, $10,
         $11, $12, $13, $14, $15, $16, $17, $18, $19, (SELECT id FROM earlier), $20, $16, $21
    FROM counter c, routed r
  RETURNING id, number, status, agency_id, repeat_of_id, registered_at, channel, branch_id
),
events AS (
  INSERT INTO appeal_events (appeal_id, type, actor_id, data)
  SELECT ins.id, e.type, e.actor_id, e.data
    FROM ins CROSS JOIN LATERAL (VALUES
      (1, 'registered', $20::uuid, jsonb_build_object('to', 'registered', 'channel', ins.channel, 'branchId', ins.branch_id,
          'dueDate', $17::date, 'deadlineStart', $16::date, 'termWorkdays', $21::int, 'repeatOfId', ins.repeat_of_id)),
      (2, 'routed', NULL::uuid, jsonb_build_object('from', 'registered', 'to', 'routed', 'agencyId', ins.agency_id, 'reason', 'routing rule'))
    ) AS e(n, type, actor_id, data)
   WHERE e.n = 1 OR ins.agency_id IS NOT NULL
   ORDER BY e.n
),
messages AS (
  INSERT INTO outbox (topic, appeal_id, payload)
  SELECT o.topic, ins.id, o.payload
    FROM ins CROSS JOIN LATERAL (VALUES
      (1, 'notification', jsonb_build_object('kind', 'receipt')),
      (2, 'notification', jsonb_build_object('kind', 'routed', 'agencyId', ins.agency_id)),
      (3, 'deadlines', '{}'::jsonb)
    ) AS o(n, topic, payload)
   WHERE o.n <> 2 OR ins.agency_id IS NOT NULL
   ORDER BY o.n
)
SELECT refs.region_code IS NOT NULL AS "branchExists", coalesce(refs.in_scope, false) AS "inScope",
       refs.category_path IS NOT NULL AS "categoryExists",
       ins.id, ins.number, ins.status, ins.agency_id AS "agencyId", ins.repeat_of_id AS "repeatOfId", ins.registered_at AS "registeredAt"
  FROM refs LEFT JOIN ins ON true`;
