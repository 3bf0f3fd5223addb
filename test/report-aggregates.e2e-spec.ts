import fc from 'fast-check';
import { insertPastAppeal } from './support/report-data';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, World } from './support/world';
import { RECEPTION_MONTHS_FROM_SCRATCH, RECEPTION_MONTHS_STORED } from './support/receptions-without-rollup.sql';

const COUNTERS = `count(*) AS received,
  count(*) FILTER (WHERE outcome = 'positive') AS positive, count(*) FILTER (WHERE outcome = 'explained') AS explained,
  count(*) FILTER (WHERE outcome = 'rejected') AS rejected, count(*) FILTER (WHERE outcome = 'without_consideration') AS without_consideration,
  count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn,
  count(*) FILTER (WHERE status IN ('registered','routed','in_progress','paused')) AS pending,
  count(*) FILTER (WHERE deadline_state = 'overdue') AS overdue, count(*) FILTER (WHERE deadline_state = 'met') AS answered_on_time,
  count(f.appeal_id) AS feedback_received, count(*) FILTER (WHERE f.satisfied) AS satisfied`;
const STORED = 'received, positive, explained, rejected, without_consideration, withdrawn, pending, overdue, answered_on_time, feedback_received, satisfied';
/** The appeals with their feedback from its own table (not the column the trigger mirrors it into). */
const APPEALS = 'appeals LEFT JOIN appeal_feedback f ON f.appeal_id = appeals.id';

/**
 * The tree cube from first principles: every appeal counted at its branch and at each ancestor
 * (found by ltree, not by the ancestors table the trigger reads), under the child of that
 * ancestor on the way down, by month and day; and by category and agency per month, except at a
 * root above the branch. A branch with a parent has no month and day rows keyed by itself (its
 * parent's row keyed by it holds them).
 */
const PLAIN_TREE = `
  SELECT anc.id AS ancestor_id, k.kind, k.period, k.key_id, ${COUNTERS}
    FROM appeals a
    LEFT JOIN appeal_feedback f ON f.appeal_id = a.id
    JOIN branches x ON x.id = a.branch_id
    JOIN branches anc ON anc.path @> x.path
    JOIN branches ch ON ch.path = subpath(x.path, 0, LEAST(nlevel(x.path), nlevel(anc.path) + 1))
   CROSS JOIN LATERAL (VALUES ('b', date_trunc('month', a.received_on)::date, ch.id), ('d', a.received_on, ch.id),
                              ('c', date_trunc('month', a.received_on)::date, a.category_id),
                              ('a', date_trunc('month', a.received_on)::date, a.agency_id)) k(kind, period, key_id)
   WHERE (anc.id = x.id OR nlevel(anc.path) > 1 OR k.kind IN ('b', 'd'))
     AND NOT (anc.id = x.id AND nlevel(x.path) > 1 AND k.kind IN ('b', 'd'))
   GROUP BY 1, 2, 3, 4`;

/** Each reception session's appeal counts (reception_appeal_stats) from the appeals made at it. */
const HOSTS = ['majilis_deputy', 'senate_deputy', 'agency_head'];
/** Starts of sessions: months of the appeals' range, and both sides of a local midnight that ends a month (UTC still on the 31st). */
const STARTS = ['2025-01-15T10:00:00+05:00', '2025-02-10T10:00:00+05:00', '2025-03-31T23:30:00+05:00', '2025-04-01T00:30:00+05:00', '2025-04-20T15:00:00+05:00'];

const PLAIN_RECEPTIONS = `
  SELECT reception_id, count(*)::int AS appeals, count(outcome)::int AS decided, (count(*) FILTER (WHERE outcome = 'positive'))::int AS positive
    FROM appeals WHERE reception_id IS NOT NULL GROUP BY reception_id`;

/** The aggregates, without rows that dropped to zero, against a plain GROUP BY over the appeals (and the sessions and visits). */
async function mismatches(t: TestApp): Promise<number> {
  const [{ n }] = await t.db.query(`
    WITH plain_full AS (
      SELECT date_trunc('month', received_on)::date AS month, branch_id, channel, type, category_id, agency_id, ${COUNTERS}
        FROM ${APPEALS} GROUP BY 1, 2, 3, 4, 5, 6),
    cube_full AS (SELECT month, branch_id, channel, type, category_id, agency_id, ${STORED} FROM appeal_stats WHERE received <> 0),
    plain_branch AS (
      SELECT date_trunc('month', received_on)::date AS month, branch_id, channel, type, ${COUNTERS} FROM ${APPEALS} GROUP BY 1, 2, 3, 4),
    cube_branch AS (SELECT month, branch_id, channel, type, ${STORED} FROM appeal_stats_branch WHERE received <> 0),
    plain_tree AS (${PLAIN_TREE}),
    cube_tree AS (SELECT ancestor_id, kind::text, period, key_id, ${STORED} FROM appeal_stats_tree WHERE received <> 0),
    plain_receptions AS (${PLAIN_RECEPTIONS}),
    cube_receptions AS (SELECT reception_id, appeals, decided, positive FROM reception_appeal_stats WHERE appeals <> 0),
    plain_months AS (${RECEPTION_MONTHS_FROM_SCRATCH}),
    cube_months AS (${RECEPTION_MONTHS_STORED})
    SELECT ((SELECT count(*) FROM (SELECT * FROM plain_full EXCEPT ALL SELECT * FROM cube_full) x)
          + (SELECT count(*) FROM (SELECT * FROM cube_full EXCEPT ALL SELECT * FROM plain_full) x)
          + (SELECT count(*) FROM (SELECT * FROM plain_branch EXCEPT ALL SELECT * FROM cube_branch) x)
          + (SELECT count(*) FROM (SELECT * FROM cube_branch EXCEPT ALL SELECT * FROM plain_branch) x)
          + (SELECT count(*) FROM (SELECT * FROM plain_tree EXCEPT ALL SELECT * FROM cube_tree) x)
          + (SELECT count(*) FROM (SELECT * FROM cube_tree EXCEPT ALL SELECT * FROM plain_tree) x)
          + (SELECT count(*) FROM (SELECT * FROM plain_receptions EXCEPT ALL SELECT * FROM cube_receptions) x)
          + (SELECT count(*) FROM (SELECT * FROM cube_receptions EXCEPT ALL SELECT * FROM plain_receptions) x)
          + (SELECT count(*) FROM (SELECT * FROM plain_months EXCEPT ALL SELECT * FROM cube_months) x)
          + (SELECT count(*) FROM (SELECT * FROM cube_months EXCEPT ALL SELECT * FROM plain_months) x)
          + (SELECT count(*) FROM reception_sessions WHERE starts_on <> (starts_at AT TIME ZONE 'Asia/Almaty')::date))::int AS n`);
  // A zero row left behind must really be all zeros.
  const [{ z }] = await t.db.query(`
    SELECT (SELECT count(*) FROM appeal_stats WHERE received = 0 AND (${STORED.split(', ').join(' + ')}) <> 0)
         + (SELECT count(*) FROM appeal_stats_branch WHERE received = 0 AND (${STORED.split(', ').join(' + ')}) <> 0)
         + (SELECT count(*) FROM appeal_stats_tree WHERE received = 0 AND (${STORED.split(', ').join(' + ')}) <> 0)
         + (SELECT count(*) FROM reception_appeal_stats WHERE appeals = 0 AND decided + positive <> 0) AS z`);
  return n + Number(z);
}

/**
 * Property: whatever sequence of writes hits the appeals (intake through the API, lifecycle
 * actions, single-row and multi-row SQL updates as a deadline job or a correction would make,
 * appeals made at a reception or moved between sessions, deletes), the sessions (created through the
 * API or by SQL, their start moved to another month or across a local midnight, their branch or host
 * changed, deleted) and their visits (added, moved, removed), the aggregates equal a plain GROUP BY
 * over the appeals, sessions and visits.
 */
describe('report aggregates', () => {
  let t: TestApp;
  let w: World;
  let sessions: string[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const rows = await t.db.query(
      `INSERT INTO reception_sessions (branch_id, host_name, host_type, starts_at, starts_on, format)
       SELECT b, 'Депутат', 'majilis_deputy', timestamptz '2025-02-10 10:00+05', '2025-02-10', 'in_person' FROM unnest($1::uuid[]) b RETURNING id`,
      [[w.branches.alaBos, w.branches.astEsl]],
    );
    sessions = rows.map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  it('always equal a plain GROUP BY over the appeals after random changes', async () => {
    const branches = Object.values(w.branches);
    const categories = Object.values(w.categories);
    const agencies = [...Object.values(w.agencies), null];
    const ids: string[] = [];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        branch: fc.constantFrom(...branches),
        category: fc.constantFrom(...categories),
        agency: fc.constantFrom(...agencies),
        channel: fc.constantFrom('portal', 'mail', 'call_centre'),
        type: fc.constantFrom('complaint', 'statement'),
        month: fc.integer({ min: 1, max: 4 }),
        closed: fc.constantFrom(null, 'positive', 'rejected'),
        reception: fc.constantFrom(null, null, 0, 1),
      }),
      fc.record({ kind: fc.constant('intake' as const), branch: fc.constantFrom(w.branches.alaBos, w.branches.astEsl), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('lifecycle' as const), pick: fc.nat(), action: fc.constantFrom('accept', 'answer', 'close', 'reopen', 'withdraw') }),
      fc.record({ kind: fc.constant('deadline' as const), pick: fc.nat(), state: fc.constantFrom('due_soon', 'overdue', 'on_track') }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), branch: fc.constantFrom(...branches), month: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('bulk' as const), state: fc.constantFrom('overdue', 'on_track') }),
      fc.record({ kind: fc.constant('noop' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('reception' as const), pick: fc.nat(), session: fc.constantFrom(null, 0, 1, 2) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('feedback' as const), pick: fc.nat(), satisfied: fc.boolean() }),
      fc.record({ kind: fc.constant('feedbackSql' as const), pick: fc.nat(), op: fc.constantFrom('flip', 'delete') }),
      // Sessions: opened through the API (its local date by the service) or by SQL, with visits.
      fc.record({
        kind: fc.constant('sessionNew' as const), api: fc.boolean(), branch: fc.constantFrom(...branches), host: fc.constantFrom(...HOSTS),
        at: fc.constantFrom(...STARTS), visits: fc.integer({ min: 0, max: 3 }),
      }),
      // A session corrected: start moved (another month, or across the local midnight at a month's end), branch or host changed.
      fc.record({
        kind: fc.constant('sessionEdit' as const), pick: fc.nat(), at: fc.option(fc.constantFrom(...STARTS)), branch: fc.option(fc.constantFrom(...branches)),
        host: fc.option(fc.constantFrom(...HOSTS)),
      }),
      fc.record({ kind: fc.constant('sessionDelete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('visit' as const), pick: fc.nat(), to: fc.nat(), op: fc.constantFrom('add', 'add', 'move', 'delete') }),
    );
    // Every session: the two of beforeAll (kept, appeals are made at them) and those the runs open.
    const allSessions = () => [...sessions, ...extraSessions];
    const pickSession = (n: number) => allSessions()[n % allSessions().length];
    const pick = (n: number) => ids[n % ids.length];
    let feedbackGiven = 0;
    let inserted = 0;
    const extraSessions: string[] = [];
    const addVisits = async (session: string, n: number) => {
      if (n > 0) await t.db.query(`INSERT INTO reception_visits (reception_id, visitor, result) SELECT $1, '{}', 'consultation' FROM generate_series(1, $2::int)`, [session, n]);
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'insert') {
            inserted++;
            ids.push(
              await insertPastAppeal(t, {
                branchId: o.branch, categoryId: o.category, agencyId: o.closed ? w.agencies.minHealth : o.agency,
                channel: o.reception === null ? o.channel : 'reception', type: o.type,
                receivedOn: `2025-0${o.month}-1${o.month}`, status: o.closed ? 'closed' : o.agency ? 'routed' : 'registered',
                outcome: o.closed ?? undefined, deadlineState: o.closed ? 'met' : 'on_track',
                receptionId: o.reception === null ? undefined : sessions[o.reception],
              }),
            );
          } else if (o.kind === 'sessionNew') {
            let id: string;
            if (o.api) {
              const res = await w.admin.post('/receptions').send({ branchId: o.branch, hostName: 'Депутат', hostType: o.host, startsAt: o.at, format: 'video' });
              expect(res.status).toBe(201);
              id = res.body.id;
            } else {
              [{ id }] = await t.db.query(
                `INSERT INTO reception_sessions (branch_id, host_name, host_type, starts_at, starts_on, format)
                 VALUES ($1, 'Аким', $2, $3::timestamptz, ($3::timestamptz AT TIME ZONE 'Asia/Almaty')::date, 'in_person') RETURNING id`,
                [o.branch, o.host, o.at],
              );
            }
            extraSessions.push(id);
            await addVisits(id, o.visits);
          } else if (o.kind === 'sessionEdit') {
            await t.db.query(
              `UPDATE reception_sessions SET starts_at = coalesce($2::timestamptz, starts_at),
                      starts_on = coalesce(($2::timestamptz AT TIME ZONE 'Asia/Almaty')::date, starts_on),
                      branch_id = coalesce($3::uuid, branch_id), host_type = coalesce($4, host_type), ends_at = NULL
                WHERE id = $1`,
              [pickSession(o.pick), o.at, o.branch, o.host],
            );
          } else if (o.kind === 'sessionDelete') {
            // A session with appeals cannot be deleted (RESTRICT); one without goes with its visits (CASCADE).
            if (extraSessions.length) {
              const [id] = extraSessions.splice(o.pick % extraSessions.length, 1);
              await t.db.query(`UPDATE appeals SET reception_id = $2 WHERE reception_id = $1`, [id, sessions[0]]);
              await t.db.query(`DELETE FROM reception_sessions WHERE id = $1`, [id]);
            }
          } else if (o.kind === 'visit') {
            const [v] = await t.db.query(`SELECT id FROM reception_visits ORDER BY id OFFSET $1 % greatest(1, (SELECT count(*) FROM reception_visits)) LIMIT 1`, [o.pick]);
            if (o.op === 'add' || !v) await addVisits(pickSession(o.pick), 1);
            else if (o.op === 'move') await t.db.query(`UPDATE reception_visits SET reception_id = $2 WHERE id = $1`, [v.id, pickSession(o.to)]);
            else await t.db.query(`DELETE FROM reception_visits WHERE id = $1`, [v.id]);
          } else if (o.kind === 'intake') {
            const res = await w.admin.post('/appeals').send({
              type: 'complaint', categoryId: w.categories.housingRepair, branchId: o.branch, subject: 'S', text: 'T', language: 'kk',
              anonymous: true, channel: 'portal', receivedAt: `2025-03-${String(o.day).padStart(2, '0')}T12:00:00+05:00`,
            });
            expect(res.status).toBe(201);
            inserted++;
            ids.push(res.body.id);
          } else if (!ids.length) {
            continue;
          } else if (o.kind === 'lifecycle') {
            const body = o.action === 'answer' ? { outcome: 'explained', text: 'Разъяснено' } : o.action === 'reopen' ? { reason: 'Проверка' } : {};
            await w.admin.post(`/appeals/${pick(o.pick)}/${o.action}`).send(body); // 409 from the wrong status is fine
          } else if (o.kind === 'deadline') {
            await t.db.query(`UPDATE appeals SET deadline_state = $2 WHERE id = $1 AND status NOT IN ('answered','closed','withdrawn')`, [pick(o.pick), o.state]);
          } else if (o.kind === 'move') {
            await t.db.query(`UPDATE appeals SET branch_id = $2, received_on = $3 WHERE id = $1`, [pick(o.pick), o.branch, `2025-0${o.month}-05`]);
          } else if (o.kind === 'bulk') {
            await t.db.query(`UPDATE appeals SET deadline_state = $1 WHERE status IN ('routed','registered','in_progress')`, [o.state]);
          } else if (o.kind === 'feedback') {
            // Through the portal: 201 once answered or closed, 409 otherwise or the second time.
            const [a] = await t.db.query(`SELECT number, tracking_code FROM appeals WHERE id = $1`, [pick(o.pick)]);
            const res = await w.anonymous.post(`/portal/appeals/${a.number}/feedback?trackingCode=${a.tracking_code}`, { satisfied: o.satisfied });
            expect([201, 409]).toContain(res.status);
            if (res.status === 201) feedbackGiven++;
          } else if (o.kind === 'feedbackSql') {
            if (o.op === 'flip') await t.db.query(`UPDATE appeal_feedback SET satisfied = NOT satisfied WHERE appeal_id = $1`, [pick(o.pick)]);
            else await t.db.query(`DELETE FROM appeal_feedback WHERE appeal_id = $1`, [pick(o.pick)]);
          } else if (o.kind === 'reception') {
            // Made at another session, or the session corrected away (a reception's appeal has channel reception).
            const session = o.session === null ? null : o.session === 2 ? pickSession(o.pick) : sessions[o.session];
            await t.db.query(`UPDATE appeals SET reception_id = $2::uuid, channel = CASE WHEN $2::uuid IS NULL THEN 'portal' ELSE 'reception' END WHERE id = $1`, [
              pick(o.pick), session,
            ]);
          } else if (o.kind === 'noop') {
            await t.db.query(`UPDATE appeals SET subject = subject || '.' WHERE id = $1`, [pick(o.pick)]);
          } else {
            const id = ids.splice(o.pick % ids.length, 1)[0];
            await t.db.query(`DELETE FROM outbox WHERE appeal_id = $1`, [id]);
            await t.db.query(`DELETE FROM appeals WHERE id = $1`, [id]);
          }
        }
        expect(await mismatches(t)).toBe(0);
      }),
      { numRuns: 25 },
    );
    // The runs wrote enough to mean something (deletes may leave few rows at the end).
    expect(inserted).toBeGreaterThan(20);
    // The feedback counters are never left unchecked: when the random runs happened to give none,
    // one is given here through the portal and the cubes checked again.
    if (feedbackGiven === 0) {
      const [a] = await t.db.query(
        `SELECT a.number, a.tracking_code FROM appeals a LEFT JOIN appeal_feedback f ON f.appeal_id = a.id
          WHERE a.status IN ('answered','closed') AND f.appeal_id IS NULL LIMIT 1`,
      );
      expect((await w.anonymous.post(`/portal/appeals/${a.number}/feedback?trackingCode=${a.tracking_code}`, { satisfied: true })).status).toBe(201);
      expect(await mismatches(t)).toBe(0);
    }
  });

  it('detects a wrong aggregate (the check itself can fail)', async () => {
    await insertPastAppeal(t, {
      branchId: w.branches.alaBos, categoryId: w.categories.health, channel: 'mail', type: 'report', receivedOn: '2025-01-02', status: 'registered',
    });
    await t.db.query(`UPDATE appeal_stats SET received = received + 1 WHERE type = 'report'`);
    expect(await mismatches(t)).toBeGreaterThan(0);
    await t.db.query(`UPDATE appeal_stats SET received = received - 1 WHERE type = 'report'`);
    expect(await mismatches(t)).toBe(0);
    // A feedback row the cubes did not count (written with the mirror trigger off).
    const [closed] = await t.db.query(`SELECT a.id FROM appeals a LEFT JOIN appeal_feedback f ON f.appeal_id = a.id WHERE f.appeal_id IS NULL LIMIT 1`);
    await t.db.query(`ALTER TABLE appeal_feedback DISABLE TRIGGER appeal_feedback_mirror`);
    await t.db.query(`INSERT INTO appeal_feedback (appeal_id, satisfied) VALUES ($1, true)`, [closed.id]);
    await t.db.query(`ALTER TABLE appeal_feedback ENABLE TRIGGER appeal_feedback_mirror`);
    expect(await mismatches(t)).toBeGreaterThan(0);
    await t.db.query(`ALTER TABLE appeal_feedback DISABLE TRIGGER appeal_feedback_mirror`);
    await t.db.query(`DELETE FROM appeal_feedback WHERE appeal_id = $1`, [closed.id]);
    await t.db.query(`ALTER TABLE appeal_feedback ENABLE TRIGGER appeal_feedback_mirror`);
    expect(await mismatches(t)).toBe(0);
    // The tree cube alone being wrong is caught too (its day rows, used for the edges of a window).
    await t.db.query(`UPDATE appeal_stats_tree SET positive = positive + 1 WHERE kind = 'd' AND period = '2025-01-02'`);
    expect(await mismatches(t)).toBeGreaterThan(0);
    await t.db.query(`UPDATE appeal_stats_tree SET positive = positive - 1 WHERE kind = 'd' AND period = '2025-01-02'`);
    expect(await mismatches(t)).toBe(0);
    // And the reception counts alone.
    await insertPastAppeal(t, {
      branchId: w.branches.alaBos, categoryId: w.categories.health, agencyId: w.agencies.minHealth, channel: 'reception', type: 'report',
      receivedOn: '2025-02-10', status: 'closed', outcome: 'positive', receptionId: sessions[0],
    });
    expect(await mismatches(t)).toBe(0);
    await t.db.query(`UPDATE reception_appeal_stats SET decided = decided - 1 WHERE reception_id = $1`, [sessions[0]]);
    expect(await mismatches(t)).toBeGreaterThan(0);
    await t.db.query(`UPDATE reception_appeal_stats SET decided = decided + 1 WHERE reception_id = $1`, [sessions[0]]);
    expect(await mismatches(t)).toBe(0);
    // And the receptions rollup alone (a host-type row of the session's region).
    const [row] = await t.db.query(`SELECT ancestor_id, month, host_type FROM reception_stats_monthly WHERE kind = 'h' AND sessions > 0 ORDER BY month, host_type LIMIT 1`);
    const bump = (n: number) =>
      t.db.query(`UPDATE reception_stats_monthly SET visitors = visitors + $4 WHERE kind = 'h' AND ancestor_id = $1 AND month = $2 AND host_type = $3`, [
        row.ancestor_id, row.month, row.host_type, n,
      ]);
    await bump(1);
    expect(await mismatches(t)).toBeGreaterThan(0);
    await bump(-1);
    expect(await mismatches(t)).toBe(0);
  });

  it('counts a branch opened later at its ancestors (the ancestors table follows new branches)', async () => {
    const res = await w.admin.post('/branches').send({ code: 'ALA-NEW', name: 'Новый районный филиал', level: 'district', parentId: w.branches.ala });
    expect(res.status).toBe(201);
    await insertPastAppeal(t, {
      branchId: res.body.id, categoryId: w.categories.health, channel: 'mail', type: 'report', receivedOn: '2025-02-03', status: 'registered',
    });
    const rows = await t.db.query(`SELECT ancestor_id, key_id FROM appeal_stats_tree WHERE kind = 'b' AND period = '2025-02-01' AND key_id = $1`, [res.body.id]);
    // Keyed by the new branch at its region (not at itself: it has a parent); at the root it is counted under the region.
    expect(rows.map((r: { ancestor_id: string }) => r.ancestor_id)).toEqual([w.branches.ala]);
    expect(await mismatches(t)).toBe(0);
  });
});
