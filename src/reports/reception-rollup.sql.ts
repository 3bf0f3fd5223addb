/**
 * The SQL that keeps `reception_stats_monthly` (migration 1763700000027): the receptions report's
 * counters rolled up the branch tree by the month a session started in (`reception_sessions.starts_on`,
 * its local date in APP_TIMEZONE, written like `appeals.received_on`). For each session, one row per
 * ancestor-or-self A of its branch (`branch_report_ancestors`) and per kind:
 *   'b' month × the child of A the session lies under (A itself for A's own sessions);
 *   'h' month × host type — except at a depth-0 root above the branch (`top`): those rows would be
 *       national (every reception appeal of the country on five rows a month), so a report at the
 *       root reads its children's rows and its own (as the appeal tree's 'c'/'a' rows, report-cubes.sql.ts).
 * A session contributes sessions = 1, its visits, and its appeals' counts (`reception_appeal_stats`).
 *
 * Who writes what, so that every change is counted once whatever order the triggers fire in:
 * - a session inserted counts 1 session only (its visits and appeals count through their own triggers,
 *   which find it by id, even when written in the same statement);
 * - a session moved (month of `starts_on`, branch or host type changed) moves its whole current
 *   contribution from the old keys to the new;
 * - a session deleted takes its whole contribution away in a BEFORE DELETE row trigger, while its visits
 *   are still there: they go by ON DELETE CASCADE after it, and their trigger no longer finds the session
 *   (appeals are ON DELETE RESTRICT: a session that can be deleted has none);
 * - visits inserted, deleted or moved to another session: ±1 visitor at their session's keys;
 * - appeals: the cube trigger (report-cubes.sql.ts, `receptionMonths`) adds the deltas it writes into
 *   `reception_appeal_stats` at the session's keys.
 * Visits and appeals lock their sessions FOR SHARE before reading their keys, so a session moved by a
 * concurrent transaction is read as it is after that one commits (READ COMMITTED re-reads the row).
 */
export const RECEPTION_MONTH_COUNTERS = ['sessions', 'visitors', 'appeals', 'decided', 'positive'] as const;

const C = RECEPTION_MONTH_COUNTERS;

/**
 * The upsert of the deltas `d` (a CTE or subquery with branch_id, month, host_type and the counters)
 * into the rollup; keys in index order so concurrent writers lock alike; groups that add up to
 * nothing write nothing.
 */
export function receptionMonthsUpsert(d: string): string {
  return `
        INSERT INTO reception_stats_monthly AS s (ancestor_id, kind, month, child_id, host_type, ${C.join(', ')})
        SELECT k.ancestor_id, x.kind, d.month, x.child_id, x.host_type, ${C.map((c) => `sum(d.${c})`).join(', ')}
          FROM ${d} d JOIN branch_report_ancestors k ON k.branch_id = d.branch_id
         CROSS JOIN LATERAL (VALUES ('b'::char(1), k.child_id, NULL::varchar), ('h', NULL::uuid, d.host_type)) x(kind, child_id, host_type)
         WHERE NOT (k.top AND x.kind = 'h')
         GROUP BY k.ancestor_id, x.kind, d.month, x.child_id, x.host_type
        HAVING ${C.map((c) => `sum(d.${c}) <> 0`).join(' OR ')}
         ORDER BY k.ancestor_id, x.kind, d.month, x.child_id, x.host_type
        ON CONFLICT (ancestor_id, kind, month, child_id, host_type) DO UPDATE SET ${C.map((c) => `${c} = s.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** A session's current contribution (sessions, visitors, appeal counts) as SQL columns, `sign` 1 or -1; `id` is the session's id. */
function contribution(id: string, sign: 1 | -1): string {
  return `${sign} AS sessions, ${sign} * (SELECT count(*) FROM reception_visits v WHERE v.reception_id = ${id})::int AS visitors,
          ${sign} * coalesce((SELECT ap.appeals FROM reception_appeal_stats ap WHERE ap.reception_id = ${id}), 0) AS appeals,
          ${sign} * coalesce((SELECT ap.decided FROM reception_appeal_stats ap WHERE ap.reception_id = ${id}), 0) AS decided,
          ${sign} * coalesce((SELECT ap.positive FROM reception_appeal_stats ap WHERE ap.reception_id = ${id}), 0) AS positive`;
}

const month = (s: string) => `date_trunc('month', ${s}.starts_on)::date`;

/** The trigger functions and triggers on `reception_sessions` and `reception_visits`. */
export function receptionMonthsTriggersSql(): string[] {
  return [
    `CREATE FUNCTION reception_stats_session_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH d AS (SELECT n.branch_id, ${month('n')} AS month, n.host_type, 1 AS sessions, 0 AS visitors, 0 AS appeals, 0 AS decided, 0 AS positive
                     FROM new_rows n)
        ${receptionMonthsUpsert('d')};
        RETURN NULL;
      END $$`,
    `CREATE FUNCTION reception_stats_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH m AS (SELECT o.id, o.branch_id AS old_branch, ${month('o')} AS old_month, o.host_type AS old_host,
                          n.branch_id AS new_branch, ${month('n')} AS new_month, n.host_type AS new_host
                     FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.branch_id, ${month('o')}, o.host_type) IS DISTINCT FROM (n.branch_id, ${month('n')}, n.host_type)),
        c AS (SELECT m.*, ${contribution('m.id', 1)} FROM m),
        d AS (SELECT old_branch AS branch_id, old_month AS month, old_host AS host_type, ${C.map((k) => `-${k} AS ${k}`).join(', ')} FROM c
              UNION ALL
              SELECT new_branch, new_month, new_host, ${C.join(', ')} FROM c)
        ${receptionMonthsUpsert('d')};
        RETURN NULL;
      END $$`,
    `CREATE FUNCTION reception_stats_session_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH d AS (SELECT OLD.branch_id AS branch_id, date_trunc('month', OLD.starts_on)::date AS month, OLD.host_type AS host_type, ${contribution('OLD.id', -1)})
        ${receptionMonthsUpsert('d')};
        RETURN OLD;
      END $$`,
    `CREATE FUNCTION reception_stats_visits_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${visitsApply(`SELECT reception_id, 1 AS n FROM new_rows`)};
        ELSIF TG_OP = 'DELETE' THEN
          ${visitsApply(`SELECT reception_id, -1 AS n FROM old_rows`)};
        ELSE
          ${visitsApply(`SELECT n.reception_id, 1 AS n FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.reception_id <> n.reception_id
                         UNION ALL SELECT o.reception_id, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.reception_id <> n.reception_id`)};
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER reception_stats_on_insert AFTER INSERT ON reception_sessions REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION reception_stats_session_insert()`,
    `CREATE TRIGGER reception_stats_on_update AFTER UPDATE ON reception_sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION reception_stats_session_update()`,
    `CREATE TRIGGER reception_stats_on_delete BEFORE DELETE ON reception_sessions FOR EACH ROW EXECUTE FUNCTION reception_stats_session_delete()`,
    `CREATE TRIGGER reception_stats_on_insert AFTER INSERT ON reception_visits REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION reception_stats_visits_apply()`,
    `CREATE TRIGGER reception_stats_on_update AFTER UPDATE ON reception_visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION reception_stats_visits_apply()`,
    `CREATE TRIGGER reception_stats_on_delete AFTER DELETE ON reception_visits REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION reception_stats_visits_apply()`,
  ];
}

/**
 * ±1 visitor per row of `rows` (reception_id, n: +1 a new visit, −1 an old one; an update that keeps
 * the session lists nothing) at the keys of its session, locked FOR SHARE; a session deleted in this
 * transaction is not found (its delete trigger took its visits away).
 */
function visitsApply(rows: string): string {
  return `WITH v AS (SELECT reception_id, sum(n)::int AS n FROM (${rows}) x GROUP BY reception_id HAVING sum(n) <> 0),
        rs AS (SELECT r.id, r.branch_id, ${month('r')} AS month, r.host_type FROM reception_sessions r
                WHERE r.id IN (SELECT reception_id FROM v) ORDER BY r.id FOR SHARE),
        d AS (SELECT rs.branch_id, rs.month, rs.host_type, 0 AS sessions, v.n AS visitors, 0 AS appeals, 0 AS decided, 0 AS positive
                FROM v JOIN rs ON rs.id = v.reception_id)
        ${receptionMonthsUpsert('d')}`;
}

export function dropReceptionMonthsTriggersSql(): string[] {
  return [
    ...['reception_sessions', 'reception_visits'].flatMap((t) => ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS reception_stats_on_${op} ON ${t}`)),
    ...['session_insert', 'session_update', 'session_delete', 'visits_apply'].map((f) => `DROP FUNCTION IF EXISTS reception_stats_${f}()`),
  ];
}

/**
 * Fills the rollup from the sessions, their visits and `reception_appeal_stats` (the table must be
 * empty, or hold no row for the months `where` selects; `where` filters `reception_sessions rs`).
 */
export function receptionMonthsBackfillSql(where = 'true'): string {
  return `
      WITH d AS (SELECT rs.branch_id, ${month('rs')} AS month, rs.host_type, ${contribution('rs.id', 1)} FROM reception_sessions rs WHERE ${where})
      ${receptionMonthsUpsert('d')}`;
}
