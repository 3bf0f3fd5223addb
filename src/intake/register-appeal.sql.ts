import { OPEN_STATUSES } from '../appeals/appeal.enums';
import { routedAgencySql } from '../routing/routing-resolution.sql';
import { REPEAT_WINDOW_DAYS } from './repeat-policy';

/** One registration as the statement reads it: a row of `$1`, keyed like the recordset's columns. */
export interface RegistrationParams {
  branch_id: string;
  category_id: string;
  /** The subtree staff may register in (null: anywhere). */
  scope_id: string | null;
  year: number;
  tracking_code: string;
  channel: string;
  type: string;
  subject: string;
  text: string;
  language: string;
  anonymous: boolean;
  signatories: number | null;
  applicant: object | null;
  applicant_iin: string | null;
  received_at: string;
  /** The date of receipt (APP_TIMEZONE). */
  received_on: string;
  /** Day 0 of the term: the date of receipt, or the next working day (statutory-term.ts). */
  deadline_start: string;
  due_date: string;
  reception_id: string | null;
  call_id: string | null;
  created_by: string | null;
  term: number;
}

/** What the statement answers for each registration, in the order they were given. */
export interface RegistrationRow {
  branchExists: boolean;
  inScope: boolean;
  categoryExists: boolean;
  /** Null when a reference was wrong: nothing was written for this registration. */
  id: string | null;
  number: string;
  status: 'registered' | 'routed';
  agencyId: string | null;
  repeatOfId: string | null;
  registeredAt: Date;
}

/**
 * Registration of one or many appeals in one statement (STYLE.md "Hot paths in SQL you can see"):
 * `$1` is a JSON array of RegistrationParams, each with `n`, its place in the array (the answer
 * comes back in that order). Alone it is its own transaction; inside a caller's
 * transaction (a call or a visit saved with its appeal) it joins it. Many registrations arriving
 * together share the statement, its commit and the cubes' statement-level triggers
 * (registration-batcher.ts).
 *
 * - refs: per registration, the branch (its region and path), whether it lies in the caller's
 *   subtree, the category; when any is wrong nothing below writes a row for it, and the caller
 *   turns the flags into a 400/403;
 * - numbered: the next number of the region's sequence for the year (migration 1763700000007),
 *   taken in the order given and only when the references are right, formatted
 *   "ALA-2026-000042"; the routing rule (routing-resolution.sql.ts); the repeat link (same
 *   applicant, same category, same region: open, or registered within the repeat window); the id,
 *   drawn here so the answer can be matched to its registration;
 * - the appeals, their first events (registered, and routed when a rule matched), their outbox
 *   messages (receipt, forwarded, deadlines), in that order, and, when routed, the notice to the
 *   agency's inbox (key as staff-notice-writer.ts `routedNotice`).
 *
 * The repeat lookup cannot see another registration of the same statement: the batcher never puts
 * two registrations of one applicant and category in one statement.
 */
export const REGISTER_APPEALS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    n int, branch_id uuid, category_id uuid, scope_id uuid, year int, tracking_code varchar, channel varchar, type varchar,
    subject text, text text, language varchar, anonymous boolean, signatories int, applicant jsonb, applicant_iin char(12),
    received_at timestamptz, received_on date, deadline_start date, due_date date, reception_id uuid, call_id uuid, created_by uuid, term int)
),
refs AS (
  SELECT i.*, b.region_code, b.path AS branch_path,
         (i.scope_id IS NULL OR b.path <@ (SELECT path FROM branches WHERE id = i.scope_id)) AS in_scope,
         (SELECT path FROM categories WHERE id = i.category_id) AS category_path
    FROM input i LEFT JOIN branches b ON b.id = i.branch_id
),
numbered AS (
  SELECT ok.*, gen_random_uuid() AS id,
         ok.region_code || '-' || ok.year || '-' || lpad(nextval(registration_sequence(ok.region_code, ok.year))::text, 6, '0') AS number,
         ${routedAgencySql('ok.category_path', 'ok.branch_path')} AS agency_id,
         (SELECT a.id
            FROM appeals a JOIN branches ab ON ab.id = a.branch_id
           WHERE ok.applicant_iin IS NOT NULL AND a.applicant_iin = ok.applicant_iin AND a.category_id = ok.category_id
             AND ab.region_code = ok.region_code
             AND (a.status = ANY('{${OPEN_STATUSES.join(',')}}'::varchar[]) OR a.registered_at > now() - interval '${REPEAT_WINDOW_DAYS} days')
           -- The latest registered: registrations of one applicant and category never run at once
           -- (registration-batcher.ts), so this is the one registered just before, whatever the receipt times.
           ORDER BY a.registered_at DESC, a.received_at DESC
           LIMIT 1) AS repeat_of_id
    FROM (SELECT * FROM refs WHERE region_code IS NOT NULL AND in_scope AND category_path IS NOT NULL ORDER BY n) ok
),
ins AS (
  INSERT INTO appeals (id, number, tracking_code, channel, type, status, category_id, branch_id, agency_id, subject, text, language,
                       anonymous, signatories, applicant, applicant_iin, received_at, received_on, due_date, reception_id, call_id,
                       repeat_of_id, created_by, deadline_start, deadline_term_workdays)
  SELECT id, number, tracking_code, channel, type, CASE WHEN agency_id IS NULL THEN 'registered' ELSE 'routed' END,
         category_id, branch_id, agency_id, subject, text, language, anonymous, signatories, applicant, applicant_iin,
         received_at, received_on, due_date, reception_id, call_id, repeat_of_id, created_by, deadline_start, term
    FROM numbered ORDER BY n
  RETURNING id, status, registered_at
),
events AS (
  INSERT INTO appeal_events (appeal_id, type, actor_id, data)
  SELECT nb.id, e.type, e.actor_id, e.data
    FROM ins JOIN numbered nb ON nb.id = ins.id CROSS JOIN LATERAL (VALUES
      (1, 'registered', nb.created_by, jsonb_build_object('to', 'registered', 'channel', nb.channel, 'branchId', nb.branch_id,
          'dueDate', nb.due_date, 'deadlineStart', nb.deadline_start, 'termWorkdays', nb.term, 'repeatOfId', nb.repeat_of_id)),
      (2, 'routed', NULL::uuid, jsonb_build_object('from', 'registered', 'to', 'routed', 'agencyId', nb.agency_id, 'reason', 'routing rule'))
    ) AS e(k, type, actor_id, data)
   WHERE e.k = 1 OR nb.agency_id IS NOT NULL
   ORDER BY nb.n, e.k
),
messages AS (
  INSERT INTO outbox (topic, appeal_id, payload)
  SELECT o.topic, nb.id, o.payload
    FROM ins JOIN numbered nb ON nb.id = ins.id CROSS JOIN LATERAL (VALUES
      (1, 'notification', jsonb_build_object('kind', 'receipt')),
      (2, 'notification', jsonb_build_object('kind', 'routed', 'agencyId', nb.agency_id)),
      (3, 'deadlines', '{}'::jsonb)
    ) AS o(k, topic, payload)
   WHERE o.k <> 2 OR nb.agency_id IS NOT NULL
   ORDER BY nb.n, o.k
),
notices AS (
  INSERT INTO staff_notifications (effect_key, kind, appeal_id, agency_id, data)
  SELECT 'routed.' || nb.id || '.v1', 'routed', nb.id, nb.agency_id, '{}'::jsonb
    FROM ins JOIN numbered nb ON nb.id = ins.id
   WHERE nb.agency_id IS NOT NULL
   ORDER BY nb.n
)
SELECT refs.region_code IS NOT NULL AS "branchExists", coalesce(refs.in_scope, false) AS "inScope",
       refs.category_path IS NOT NULL AS "categoryExists",
       ins.id, nb.number, ins.status, nb.agency_id AS "agencyId", nb.repeat_of_id AS "repeatOfId", ins.registered_at AS "registeredAt"
  FROM refs LEFT JOIN numbered nb ON nb.n = refs.n LEFT JOIN ins ON ins.id = nb.id
 ORDER BY refs.n`;
