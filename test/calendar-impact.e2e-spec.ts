import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';

/**
 * GET /calendar/days/{date}/impact: before the administrator turns a day into a holiday (or a
 * working day), how many open cases would have their due date moved — those whose term runs
 * over that day, the same cases the due-date recompute moves.
 */
describe('calendar day impact', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('counts the open cases whose term runs over the day, and no others', async () => {
    const a = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' }).expect(201);
    const b = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' }).expect(201);
    const [row] = await t.db.query(`SELECT deadline_start::text AS start, due_date::text AS due FROM appeals WHERE id = $1`, [a.body.id]);
    const within = (await w.admin.get(`/calendar/due-date?from=${row.start}&workdays=3`).expect(200)).body.dueDate;
    const after = (await w.admin.get(`/calendar/due-date?from=${row.due}&workdays=1`).expect(200)).body.dueDate;

    await w.admin.get(`/calendar/days/${within}/impact`).expect(200, { openCases: 2 });
    await w.admin.get(`/calendar/days/${row.due}/impact`).expect(200, { openCases: 2 });
    await w.admin.get(`/calendar/days/${after}/impact`).expect(200, { openCases: 0 });
    await w.admin.get(`/calendar/days/${row.start}/impact`).expect(200, { openCases: 0 }); // day 0 is not part of the term

    // A closed case and a case whose date a controller fixed by extension do not move.
    await w.users.operatorAla.post(`/appeals/${b.body.id}/withdraw`, { reason: 'Отозвано заявителем' }).expect(200);
    await w.admin.get(`/calendar/days/${within}/impact`).expect(200, { openCases: 1 });
    await t.db.query(`UPDATE appeals SET due_date_extended = true WHERE id = $1`, [a.body.id]);
    await w.admin.get(`/calendar/days/${within}/impact`).expect(200, { openCases: 0 });
  });

  it('refuses a date that is not a date with 400 naming it, and anyone but the admin', async () => {
    const bad = await w.admin.get('/calendar/days/2026-02-30/impact');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('date');
    await w.users.controllerAla.get('/calendar/days/2026-12-01/impact').expect(403);
  });
});
