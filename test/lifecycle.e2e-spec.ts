import { DateTime } from 'luxon';
import type { Response } from 'supertest';
import { CalendarService } from '../src/calendar/calendar.service';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';
import { openApiDocument } from './support/openapi';

const ZONE = 'Asia/Almaty';

describe('case lifecycle', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const today = () => DateTime.now().setZone(ZONE).toISODate()!;

  /** A letter from the Almaty district: routed to the Almaty akimat by rule, unless the category has no rule. */
  async function newAppeal(overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w, overrides), channel: 'mail' });
    if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const newRegistered = () => newAppeal({ categoryId: w.categories.other });

  const act = (who: ApiClient, id: string, action: string, body: object = {}) => who.post(`/appeals/${id}/${action}`, body);

  /** Takes the action and insists it worked, returning the updated Appeal. */
  async function ok(who: ApiClient, id: string, action: string, body: object = {}): Promise<Record<string, any>> {
    const res = await act(who, id, action, body);
    if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A case the Almaty akimat is working on. */
  async function inProgress(): Promise<Record<string, any>> {
    const appeal = await newAppeal();
    return ok(w.users.officerAlaAkimat, appeal.id, 'accept');
  }

  const events = async (id: string) => (await w.admin.get(`/appeals/${id}/events`)).body as { type: string; actorId: string; data: any }[];
  const outbox = (id: string): Promise<{ topic: string; payload: any }[]> =>
    t.db.query(`SELECT topic, payload FROM outbox WHERE appeal_id = $1 ORDER BY id`, [id]);

  function expectError(res: Response, status: number, code: string): void {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  }

  describe('a case walked through every transition', () => {
    it('routes, accepts, pauses, resumes, extends, answers, closes, reopens and closes again', async () => {
      const c = w.users.controllerAla;
      const o = w.users.officerAlaAkimat;
      const appeal = await newRegistered();
      expect(appeal).toMatchObject({ status: 'registered', agencyId: null, version: 1 });

      const routed = await ok(c, appeal.id, 'route', { agencyId: w.agencies.alaAkimat, reason: 'Компетенция акимата' });
      expect(routed).toMatchObject({ id: appeal.id, status: 'routed', agencyId: w.agencies.alaAkimat, version: 2, dueDate: appeal.dueDate });

      expect(await ok(o, appeal.id, 'accept')).toMatchObject({ status: 'in_progress', version: 3 });
      expect(await ok(o, appeal.id, 'pause', { reason: 'Уточните номер дома' })).toMatchObject({ status: 'paused', version: 4 });
      expect(await ok(o, appeal.id, 'resume')).toMatchObject({ status: 'in_progress', version: 5, dueDate: appeal.dueDate });

      const later = (await w.admin.get(`/calendar/due-date?from=${appeal.dueDate}&workdays=5`)).body.dueDate;
      const extended = await ok(c, appeal.id, 'extend', { dueDate: later, reason: 'Нужен выезд комиссии' });
      expect(extended).toMatchObject({ status: 'in_progress', dueDate: later, version: 6 });

      const answered = await ok(o, appeal.id, 'answer', { outcome: 'positive', text: 'Крыша будет отремонтирована до 1 декабря.' });
      expect(answered).toMatchObject({ status: 'answered', outcome: 'positive', deadlineState: 'met', closedAt: null, version: 7 });
      expect(Date.parse(answered.answeredAt)).toBeGreaterThan(Date.now() - 60_000);

      const closed = await ok(c, appeal.id, 'close');
      expect(closed).toMatchObject({ status: 'closed', outcome: 'positive', version: 8 });
      expect(closed.closedAt).toEqual(expect.any(String));

      const reopened = await ok(c, appeal.id, 'reopen', { reason: 'Ответ не по существу' });
      expect(reopened).toMatchObject({ status: 'in_progress', outcome: null, answeredAt: null, closedAt: null, deadlineState: 'on_track', version: 9 });
      const [row] = await t.db.query(`SELECT answer_text, answer_reason FROM appeals WHERE id = $1`, [appeal.id]);
      expect(row).toEqual({ answer_text: null, answer_reason: null });

      await ok(o, appeal.id, 'answer', { outcome: 'explained', text: 'Даны разъяснения о порядке ремонта.' });
      expect(await ok(c, appeal.id, 'close', { expectedVersion: 10 })).toMatchObject({ status: 'closed', outcome: 'explained', version: 11 });

      const history = await events(appeal.id);
      expect(history.map((e) => e.type)).toEqual([
        'registered', 'routed', 'accepted', 'paused', 'resumed', 'extended', 'answered', 'closed', 'reopened', 'answered', 'closed',
      ]);
      expect(history.map((e) => e.actorId)).toEqual([
        w.userIds['operator.ala'],
        ...['controller.ala', 'officer.ala', 'officer.ala', 'officer.ala', 'controller.ala', 'officer.ala', 'controller.ala', 'controller.ala', 'officer.ala', 'controller.ala'].map(
          (login) => w.userIds[login],
        ),
      ]);
      expect(history[1].data).toEqual({ from: 'registered', to: 'routed', agencyId: w.agencies.alaAkimat, fromAgencyId: null, reason: 'Компетенция акимата' });
      expect(history[3].data).toMatchObject({ from: 'in_progress', to: 'paused', agencyId: w.agencies.alaAkimat, reason: 'Уточните номер дома' });
      expect(history[4].data).toMatchObject({ from: 'paused', to: 'in_progress', workdaysPaused: 0, previousDueDate: appeal.dueDate, dueDate: appeal.dueDate });
      expect(history[5].data).toEqual({
        from: 'in_progress', to: 'in_progress', agencyId: w.agencies.alaAkimat, previousDueDate: appeal.dueDate, dueDate: later, reason: 'Нужен выезд комиссии',
      });
      expect(history[6].data).toMatchObject({ from: 'in_progress', to: 'answered', outcome: 'positive', deadlineState: 'met', text: 'Крыша будет отремонтирована до 1 декабря.' });
      expect(history[8].data).toMatchObject({ from: 'closed', to: 'in_progress', reason: 'Ответ не по существу', previousOutcome: 'positive' });

      const messages = await outbox(appeal.id);
      expect(messages).toEqual([
        { topic: 'notification', payload: { kind: 'receipt' } },
        { topic: 'deadlines', payload: {} },
        { topic: 'notification', payload: { kind: 'routed', agencyId: w.agencies.alaAkimat, fromAgencyId: null } },
        { topic: 'deadlines', payload: { after: 'routed' } },
        // acceptance changes no deadline and tells the citizen nothing
        { topic: 'notification', payload: { kind: 'paused', reason: 'Уточните номер дома' } },
        { topic: 'deadlines', payload: { after: 'paused' } },
        { topic: 'deadlines', payload: { after: 'resumed' } },
        { topic: 'notification', payload: { kind: 'extended', dueDate: later, reason: 'Нужен выезд комиссии' } },
        { topic: 'deadlines', payload: { after: 'extended' } },
        { topic: 'notification', payload: { kind: 'answered', outcome: 'positive' } },
        { topic: 'deadlines', payload: { after: 'answered' } },
        { topic: 'deadlines', payload: { after: 'closed' } },
        { topic: 'deadlines', payload: { after: 'reopened' } },
        { topic: 'notification', payload: { kind: 'answered', outcome: 'explained' } },
        { topic: 'deadlines', payload: { after: 'answered' } },
        { topic: 'deadlines', payload: { after: 'closed' } },
      ]);
    });

    it('returns the updated Appeal with 200 even for a call without a body', async () => {
      const appeal = await newAppeal();
      const res = await w.users.officerAlaAkimat.post(`/appeals/${appeal.id}/accept`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...appeal, status: 'in_progress', version: 2 });
    });

    it('lets an operator withdraw an open case, without a reason, and ends a stopped clock', async () => {
      const plain = await newAppeal();
      expect(await ok(w.users.operatorAla, plain.id, 'withdraw')).toMatchObject({ status: 'withdrawn', agencyId: w.agencies.alaAkimat });

      const paused = await inProgress();
      await ok(w.users.officerAlaAkimat, paused.id, 'pause', { reason: 'Приложите фото' });
      expect(await ok(w.users.controllerAla, paused.id, 'withdraw', { reason: 'Заявитель отозвал' })).toMatchObject({ status: 'withdrawn' });
      const [row] = await t.db.query(`SELECT paused_at FROM appeals WHERE id = $1`, [paused.id]);
      expect(row.paused_at).toBeNull();
      expect((await events(paused.id)).at(-1)).toMatchObject({ type: 'withdrawn', data: { from: 'paused', to: 'withdrawn', reason: 'Заявитель отозвал' } });
      expect((await outbox(paused.id)).at(-1)).toEqual({ topic: 'deadlines', payload: { after: 'withdrawn' } });

      const answered = await inProgress();
      await ok(w.users.officerAlaAkimat, answered.id, 'answer', { outcome: 'explained', text: 'Разъяснено.' });
      expect(await ok(w.admin, answered.id, 'withdraw')).toMatchObject({ status: 'withdrawn', outcome: 'explained' });
    });
  });

  describe('routing and the agency list', () => {
    it('takes a returned case off the agency list, clears the agency and keeps it in the history', async () => {
      const appeal = await inProgress();
      const listed = async () => (await w.users.officerAlaAkimat.get('/appeals?pageSize=200')).body.items.map((a: { id: string }) => a.id);
      expect(await listed()).toContain(appeal.id);

      const returned = await ok(w.users.officerAlaAkimat, appeal.id, 'return', { reason: 'Не наша компетенция' });
      expect(returned).toMatchObject({ status: 'registered', agencyId: null });
      expect(await listed()).not.toContain(appeal.id);
      expectError(await w.users.officerAlaAkimat.get(`/appeals/${appeal.id}`), 404, 'NOT_FOUND');
      expect((await events(appeal.id)).at(-1)).toMatchObject({
        type: 'returned',
        data: { from: 'in_progress', to: 'registered', agencyId: w.agencies.alaAkimat, reason: 'Не наша компетенция' },
      });
      expect((await outbox(appeal.id)).at(-1)).toEqual({ topic: 'deadlines', payload: { after: 'returned' } });

      // The branch routes it again, to an agency that can act on it.
      expect(await ok(w.users.controllerAla, appeal.id, 'route', { agencyId: w.agencies.minConstruction })).toMatchObject({
        status: 'routed',
        agencyId: w.agencies.minConstruction,
      });
    });

    it('records every agency of a case re-routed twice, keeps the due date, and lets the new agency take it', async () => {
      const appeal = await newAppeal();
      await ok(w.users.officerAlaAkimat, appeal.id, 'accept');
      await ok(w.users.controllerAla, appeal.id, 'route', { agencyId: w.agencies.minConstruction, reason: 'Республиканская программа' });
      const last = await ok(w.users.controllerAla, appeal.id, 'route', { agencyId: w.agencies.minHealth });
      expect(last).toMatchObject({ status: 'routed', agencyId: w.agencies.minHealth, dueDate: appeal.dueDate });

      const routings = (await events(appeal.id)).filter((e) => e.type === 'routed');
      expect(routings.map((e) => [e.data.fromAgencyId ?? null, e.data.agencyId])).toEqual([
        [null, w.agencies.alaAkimat],
        [w.agencies.alaAkimat, w.agencies.minConstruction],
        [w.agencies.minConstruction, w.agencies.minHealth],
      ]);
      expect(routings[1].data).toMatchObject({ from: 'in_progress', to: 'routed' });
      expect(new Set(routings.map((e) => e.data.agencyId)).size).toBe(3);
      const notices = (await outbox(appeal.id)).filter((m) => m.payload.kind === 'routed').map((m) => m.payload.agencyId);
      expect(notices).toEqual([w.agencies.alaAkimat, w.agencies.minConstruction, w.agencies.minHealth]);

      expectError(await act(w.users.officerAlaAkimat, appeal.id, 'answer', { outcome: 'positive', text: 'x' }), 404, 'NOT_FOUND');
      expect(await ok(w.users.officerMinHealth, appeal.id, 'accept')).toMatchObject({ status: 'in_progress', agencyId: w.agencies.minHealth });
    });

    it('refuses an unknown agency (400 naming agencyId) and the agency the case already has (409)', async () => {
      const appeal = await newAppeal();
      const unknown = await act(w.users.controllerAla, appeal.id, 'route', { agencyId: '00000000-0000-4000-8000-000000000000' });
      expectError(unknown, 400, 'VALIDATION_FAILED');
      expect(unknown.body.details).toEqual([{ field: 'agencyId', code: 'not_exists', message: expect.any(String) }]);
      const same = await act(w.users.controllerAla, appeal.id, 'route', { agencyId: w.agencies.alaAkimat });
      expectError(same, 409, 'INVALID_TRANSITION');
      expect(same.body.details).toEqual([{ field: 'agencyId', code: 'same_agency', message: 'Обращение уже направлено в этот орган' }]);
      expectError(await act(w.users.controllerAla, appeal.id, 'route', {}), 400, 'VALIDATION_FAILED');
    });
  });

  describe('refusals', () => {
    /** A refused action changes nothing: no version, no event, no outbox row. */
    async function expectUntouched(id: string, before: { version: number; events: number; outbox: number }) {
      const [row] = await t.db.query(
        `SELECT version, (SELECT count(*) FROM appeal_events WHERE appeal_id = $1)::int AS events,
                (SELECT count(*) FROM outbox WHERE appeal_id = $1)::int AS outbox FROM appeals WHERE id = $1`,
        [id],
      );
      expect(row).toEqual(before);
    }
    const snapshot = async (id: string) =>
      (
        await t.db.query(
          `SELECT version, (SELECT count(*) FROM appeal_events WHERE appeal_id = $1)::int AS events,
                  (SELECT count(*) FROM outbox WHERE appeal_id = $1)::int AS outbox FROM appeals WHERE id = $1`,
          [id],
        )
      )[0];

    it('answers 409 INVALID_TRANSITION for an action not allowed from the current status', async () => {
      const registered = await newRegistered();
      const routed = await newAppeal();
      const working = await inProgress();
      const paused = await inProgress();
      await ok(w.users.officerAlaAkimat, paused.id, 'pause', { reason: 'Уточните адрес' });
      const closed = await inProgress();
      await ok(w.users.officerAlaAkimat, closed.id, 'answer', { outcome: 'positive', text: 'Сделано.' });
      await ok(w.users.controllerAla, closed.id, 'close');
      const withdrawn = await newAppeal();
      await ok(w.users.operatorAla, withdrawn.id, 'withdraw');

      const cases: [ApiClient, string, string, object][] = [
        [w.admin, registered.id, 'accept', {}],
        [w.admin, registered.id, 'return', { reason: 'x' }],
        [w.users.controllerAla, registered.id, 'extend', { dueDate: '2099-01-01', reason: 'x' }],
        [w.users.controllerAla, registered.id, 'close', {}],
        [w.users.officerAlaAkimat, routed.id, 'answer', { outcome: 'positive', text: 'x' }],
        [w.users.officerAlaAkimat, routed.id, 'pause', { reason: 'x' }],
        [w.users.controllerAla, routed.id, 'reopen', { reason: 'x' }],
        [w.users.officerAlaAkimat, working.id, 'accept', {}],
        [w.users.officerAlaAkimat, working.id, 'resume', {}],
        [w.users.officerAlaAkimat, paused.id, 'pause', { reason: 'x' }],
        [w.users.officerAlaAkimat, paused.id, 'answer', { outcome: 'positive', text: 'x' }],
        [w.users.controllerAla, paused.id, 'route', { agencyId: w.agencies.minHealth }],
        [w.users.controllerAla, closed.id, 'close', {}],
        [w.users.controllerAla, closed.id, 'extend', { dueDate: '2099-01-01', reason: 'x' }],
        [w.users.controllerAla, closed.id, 'withdraw', {}],
        [w.users.controllerAla, closed.id, 'route', { agencyId: w.agencies.minHealth }],
        [w.users.controllerAla, withdrawn.id, 'reopen', { reason: 'x' }],
        [w.users.controllerAla, withdrawn.id, 'withdraw', {}],
        [w.admin, withdrawn.id, 'route', { agencyId: w.agencies.minHealth }],
      ];
      for (const [who, id, action, body] of cases) {
        const before = await snapshot(id);
        const res = await act(who, id, action, body);
        expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 409, code: 'INVALID_TRANSITION' });
        await expectUntouched(id, before);
      }
    });

    it('answers 403 to a role that may not take the action', async () => {
      const routed = await newAppeal();
      const answered = await inProgress();
      await ok(w.users.officerAlaAkimat, answered.id, 'answer', { outcome: 'positive', text: 'Сделано.' });
      const before = await snapshot(routed.id);
      const cases: [ApiClient, string, string, object][] = [
        [w.users.operatorAla, routed.id, 'route', { agencyId: w.agencies.minHealth }],
        [w.users.officerAlaAkimat, routed.id, 'route', { agencyId: w.agencies.minHealth }],
        [w.users.controllerAla, routed.id, 'accept', {}],
        [w.users.operatorAla, routed.id, 'return', { reason: 'x' }],
        [w.users.receptionAla, routed.id, 'withdraw', {}],
        [w.users.officerAlaAkimat, routed.id, 'withdraw', {}],
        [w.users.analystKz, routed.id, 'withdraw', {}],
        [w.users.operatorAla, routed.id, 'extend', { dueDate: '2099-01-01', reason: 'x' }],
        [w.users.controllerAla, answered.id, 'answer', { outcome: 'positive', text: 'x' }],
        [w.users.officerAlaAkimat, answered.id, 'close', {}],
        [w.users.officerAlaAkimat, answered.id, 'reopen', { reason: 'x' }],
      ];
      for (const [who, id, action, body] of cases) {
        const res = await act(who, id, action, body);
        expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 403, code: 'FORBIDDEN' });
      }
      await expectUntouched(routed.id, before);
    });

    it('answers 404 to an officer of another agency and to a controller of another branch', async () => {
      const routed = await newAppeal();
      const working = await inProgress();
      const before = await snapshot(working.id);
      const cases: [ApiClient, string, string, object][] = [
        [w.users.officerMinHealth, routed.id, 'accept', {}],
        [w.users.officerMinHealth, routed.id, 'return', { reason: 'x' }],
        [w.users.officerMinHealth, working.id, 'pause', { reason: 'x' }],
        [w.users.officerMinHealth, working.id, 'answer', { outcome: 'positive', text: 'x' }],
        [w.users.controllerAst, working.id, 'extend', { dueDate: '2099-01-01', reason: 'x' }],
        [w.users.controllerAst, routed.id, 'route', { agencyId: w.agencies.astAkimat }],
        [w.users.officerAlaAkimat, '00000000-0000-4000-8000-000000000000', 'accept', {}],
      ];
      for (const [who, id, action, body] of cases) {
        const res = await act(who, id, action, body);
        expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 404, code: 'NOT_FOUND' });
      }
      await expectUntouched(working.id, before);
    });

    it('validates path and body: a bad id, unknown fields, a bad expectedVersion, missing reasons', async () => {
      const appeal = await inProgress();
      expectError(await act(w.users.officerAlaAkimat, 'not-a-uuid', 'accept'), 400, 'VALIDATION_FAILED');
      const cases: [ApiClient, string, object, string][] = [
        [w.users.officerAlaAkimat, 'pause', {}, 'reason'],
        [w.users.officerAlaAkimat, 'pause', { reason: '   ' }, 'reason'],
        [w.users.officerAlaAkimat, 'return', {}, 'reason'],
        [w.users.controllerAla, 'reopen', {}, 'reason'],
        [w.users.controllerAla, 'extend', { dueDate: '2099-01-01' }, 'reason'],
        [w.users.controllerAla, 'extend', { dueDate: '2099-02-30', reason: 'x' }, 'dueDate'],
        [w.users.officerAlaAkimat, 'resume', { expectedVersion: 0 }, 'expectedVersion'],
        [w.users.officerAlaAkimat, 'resume', { expectedVersion: '2' }, 'expectedVersion'],
        [w.users.officerAlaAkimat, 'resume', { force: true }, 'force'],
        [w.users.operatorAla, 'withdraw', { reason: '' }, 'reason'],
      ];
      for (const [who, action, body, field] of cases) {
        const res = await act(who, appeal.id, action, body);
        expect({ action, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ action, status: 400, field });
      }
    });
  });

  describe('optimistic concurrency', () => {
    it('answers 409 VERSION_CONFLICT to a stale expectedVersion and applies a current one', async () => {
      const appeal = await newAppeal();
      const stale = await act(w.users.officerAlaAkimat, appeal.id, 'accept', { expectedVersion: 7 });
      expectError(stale, 409, 'VERSION_CONFLICT');
      expect(await ok(w.users.officerAlaAkimat, appeal.id, 'accept', { expectedVersion: 1 })).toMatchObject({ version: 2 });
      expectError(await act(w.users.officerAlaAkimat, appeal.id, 'pause', { reason: 'x', expectedVersion: 1 }), 409, 'VERSION_CONFLICT');
    });

    it('never lets two concurrent acceptances both win', async () => {
      for (let round = 0; round < 5; round++) {
        const appeal = await newAppeal();
        const answers = await Promise.all([0, 1, 2].map(() => act(w.users.officerAlaAkimat, appeal.id, 'accept')));
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
        expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
        expect((await events(appeal.id)).filter((e) => e.type === 'accepted')).toHaveLength(1);
        const [row] = await t.db.query(`SELECT version FROM appeals WHERE id = $1`, [appeal.id]);
        expect(row.version).toBe(2);
      }
    });

    it('never lets two concurrent routings of the same version both win', async () => {
      for (let round = 0; round < 5; round++) {
        const appeal = await newRegistered();
        const answers = await Promise.all(
          [w.agencies.minHealth, w.agencies.minConstruction].map((agencyId) => act(w.users.controllerAla, appeal.id, 'route', { agencyId, expectedVersion: 1 })),
        );
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(answers.find((r) => r.status === 409)!.body.code).toBe('VERSION_CONFLICT');
        const winner = answers.find((r) => r.status === 200)!.body;
        const [row] = await t.db.query(`SELECT agency_id AS "agencyId", version FROM appeals WHERE id = $1`, [appeal.id]);
        expect(row).toEqual({ agencyId: winner.agencyId, version: 2 });
        expect((await outbox(appeal.id)).filter((m) => m.payload.kind === 'routed')).toHaveLength(1);
      }
    });

    it('routes once when the same routing is sent twice at the same moment', async () => {
      const appeal = await newRegistered();
      const answers = await Promise.all([0, 1].map(() => act(w.users.controllerAla, appeal.id, 'route', { agencyId: w.agencies.minHealth })));
      expect(answers.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort()).toEqual(['200', '409 INVALID_TRANSITION']);
    });
  });

  describe('clock stop', () => {
    /** Working days d with from < d <= to, counted day by day from the calendar's exceptions. */
    async function workingDaysAfter(from: string, to: string): Promise<number> {
      const exceptions = (await w.admin.get(`/calendar?from=${from}&to=${to}`)).body as { date: string; kind: string }[];
      const kinds = new Map(exceptions.map((d) => [d.date, d.kind]));
      let n = 0;
      for (let d = DateTime.fromISO(from, { zone: 'utc' }).plus({ days: 1 }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
        const kind = kinds.get(d.toISODate()!);
        if (kind ? kind === 'workday' : d.weekday <= 5) n++;
      }
      return n;
    }

    it('leaves the due date alone when a case is paused and resumed the same day', async () => {
      const appeal = await inProgress();
      await ok(w.users.officerAlaAkimat, appeal.id, 'pause', { reason: 'Уточните адрес' });
      const resumed = await ok(w.users.officerAlaAkimat, appeal.id, 'resume');
      expect(resumed).toMatchObject({ status: 'in_progress', dueDate: appeal.dueDate });
    });

    it('moves the due date later by the working days the case was paused', async () => {
      const appeal = await inProgress();
      await ok(w.users.officerAlaAkimat, appeal.id, 'pause', { reason: 'Приложите документы' });
      // Pretend the request to the citizen went out 12 days ago.
      await t.db.query(`UPDATE appeals SET paused_at = now() - interval '12 days' WHERE id = $1`, [appeal.id]);
      const [{ pausedOn }] = await t.db.query(`SELECT to_char(paused_at AT TIME ZONE $2, 'YYYY-MM-DD') AS "pausedOn" FROM appeals WHERE id = $1`, [appeal.id, ZONE]);

      const lost = await workingDaysAfter(pausedOn, today());
      expect(lost).toBeGreaterThanOrEqual(5);
      const expected = (await w.admin.get(`/calendar/due-date?from=${appeal.dueDate}&workdays=${lost}`)).body.dueDate;

      const resumed = await ok(w.users.officerAlaAkimat, appeal.id, 'resume');
      expect(resumed).toMatchObject({ status: 'in_progress', dueDate: expected });
      expect((await events(appeal.id)).at(-1)!.data).toMatchObject({ pausedOn, workdaysPaused: lost, previousDueDate: appeal.dueDate, dueDate: expected });
      const [row] = await t.db.query(`SELECT paused_at FROM appeals WHERE id = $1`, [appeal.id]);
      expect(row.paused_at).toBeNull();
    });
  });

  describe('extension', () => {
    /** An appeal received 10 days ago, so its limit is well defined and in the future. */
    async function receivedTenDaysAgo(): Promise<{ appeal: Record<string, any>; limit: string }> {
      const received = DateTime.now().setZone(ZONE).minus({ days: 10 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      const appeal = await newAppeal({ receivedAt: received.toISO() });
      // API.md: at most 2 months after receipt, i.e. the date of receipt + 2 calendar months,
      // and a working day: the last one on or before that date.
      return { appeal, limit: await workingDayOnOrBefore(received.plus({ months: 2 }).toISODate()!) };
    }
    async function workingDayOnOrBefore(date: string): Promise<string> {
      const calendar = await t.app.get(CalendarService).calendar();
      let day = DateTime.fromISO(date);
      while (!calendar.isWorkingDay(day.toISODate()!)) day = day.minus({ days: 1 });
      return day.toISODate()!;
    }

    it('refuses a weekend or a holiday as the new due date: 400 naming dueDate, code not_working_day', async () => {
      // Received on Friday 20 Nov 2026: the limit is 20 Jan 2027, so early January is in range.
      const appeal = await newAppeal({ receivedAt: '2026-11-20T10:00:00+05:00' });
      const c = w.users.controllerAla;
      for (const dueDate of ['2027-01-10', '2027-01-07', '2027-01-02']) {
        // Sunday; Orthodox Christmas (a Thursday); a Saturday that is also New Year's holiday.
        const res = await act(c, appeal.id, 'extend', { dueDate, reason: 'Запрос в другой орган' });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'dueDate', code: 'not_working_day' })]);
      }
      expect(await ok(c, appeal.id, 'extend', { dueDate: '2027-01-08', reason: 'Запрос в другой орган' })).toMatchObject({ dueDate: '2027-01-08', version: 2 });
    });

    it('accepts a later date up to 2 months after receipt, and nothing beyond or earlier', async () => {
      const { appeal, limit } = await receivedTenDaysAgo();
      const c = w.users.controllerAla;
      const earlier = DateTime.fromISO(appeal.dueDate).minus({ days: 1 }).toISODate()!;
      for (const dueDate of [earlier, appeal.dueDate, DateTime.fromISO(limit).plus({ days: 1 }).toISODate()!]) {
        const res = await act(c, appeal.id, 'extend', { dueDate, reason: 'Запрос в другой орган' });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details[0].field).toBe('dueDate');
      }
      // An overdue case given a later date is no longer overdue.
      await t.db.query(`UPDATE appeals SET deadline_state = 'overdue' WHERE id = $1`, [appeal.id]);
      const extended = await ok(c, appeal.id, 'extend', { dueDate: limit, reason: 'Запрос в другой орган' });
      expect(extended).toMatchObject({ status: 'routed', dueDate: limit, deadlineState: 'on_track' });
      expectError(await act(c, appeal.id, 'extend', { dueDate: DateTime.fromISO(limit).plus({ days: 1 }).toISODate()!, reason: 'x' }), 400, 'VALIDATION_FAILED');
    });

    it('extends a paused case without resuming it', async () => {
      const { appeal } = await receivedTenDaysAgo();
      await ok(w.users.officerAlaAkimat, appeal.id, 'accept');
      await ok(w.users.officerAlaAkimat, appeal.id, 'pause', { reason: 'Уточните' });
      const later = (await w.admin.get(`/calendar/due-date?from=${appeal.dueDate}&workdays=3`)).body.dueDate;
      expect(await ok(w.users.controllerAla, appeal.id, 'extend', { dueDate: later, reason: 'x' })).toMatchObject({ status: 'paused', dueDate: later });
    });
  });

  describe('answer', () => {
    it('requires a reason for rejected and without_consideration, and keeps it', async () => {
      const appeal = await inProgress();
      for (const outcome of ['rejected', 'without_consideration']) {
        const res = await act(w.users.officerAlaAkimat, appeal.id, 'answer', { outcome, text: 'Отказано.' });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details[0].field).toBe('reason');
      }
      const rejected = await ok(w.users.officerAlaAkimat, appeal.id, 'answer', { outcome: 'rejected', text: 'Отказано.', reason: 'Дом не в аварийном состоянии' });
      expect(rejected).toMatchObject({ status: 'answered', outcome: 'rejected' });
      const [row] = await t.db.query(`SELECT answer_text, answer_reason FROM appeals WHERE id = $1`, [appeal.id]);
      expect(row).toEqual({ answer_text: 'Отказано.', answer_reason: 'Дом не в аварийном состоянии' });
    });

    it('takes a text of 1..10000 characters and a known outcome', async () => {
      const appeal = await inProgress();
      for (const body of [
        { outcome: 'positive', text: '' },
        { outcome: 'positive', text: '  ' },
        { outcome: 'positive', text: 'я'.repeat(10001) },
        { outcome: 'maybe', text: 'x' },
        { outcome: 'positive' },
      ]) {
        expectError(await act(w.users.officerAlaAkimat, appeal.id, 'answer', body), 400, 'VALIDATION_FAILED');
      }
      expect(await ok(w.users.officerAlaAkimat, appeal.id, 'answer', { outcome: 'positive', text: 'я'.repeat(10000) })).toMatchObject({ status: 'answered' });
    });

    it('marks an answer after the due date missed', async () => {
      const received = DateTime.now().setZone(ZONE).minus({ days: 60 }).toISO()!;
      const appeal = await newAppeal({ receivedAt: received });
      await ok(w.users.officerAlaAkimat, appeal.id, 'accept');
      const answered = await ok(w.users.officerAlaAkimat, appeal.id, 'answer', { outcome: 'explained', text: 'Разъяснено.' });
      expect(answered).toMatchObject({ deadlineState: 'missed' });
      // Reopened past its due date, the case is overdue again.
      expect(await ok(w.users.controllerAla, appeal.id, 'reopen', { reason: 'Неполный ответ' })).toMatchObject({ deadlineState: 'overdue' });
    });
  });

  it('documents every action in the OpenAPI document with a 200 Appeal answer', async () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, any> };
    for (const action of ['route', 'accept', 'return', 'pause', 'resume', 'extend', 'answer', 'close', 'reopen', 'withdraw']) {
      const op = doc.paths[`/api/v1/appeals/{id}/${action}`]?.post;
      expect({ action, ok: op?.responses?.['200']?.content?.['application/json']?.schema?.$ref }).toEqual({ action, ok: '#/components/schemas/AppealView' });
    }
  });
});
