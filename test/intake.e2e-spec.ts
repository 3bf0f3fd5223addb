import { RegistrationParams } from '../src/intake/register-appeal.sql';
import { RegistrationBatcher } from '../src/intake/registration-batcher';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, VALID_IINS, World } from './support/world';

describe('intake from every channel', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  describe('staff intake POST /appeals', () => {
    it('registers a letter, routes it by the regional rule and normalises the phone', async () => {
      const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail', receivedAt: '2026-11-20T10:00:00+05:00' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel: 'mail',
        status: 'routed',
        agencyId: w.agencies.alaAkimat,
        branchId: w.branches.alaBos,
        applicant: { phone: '+77011234567', iin: VALID_IINS[0] },
        receivedAt: '2026-11-20T05:00:00.000Z',
        deadlineState: 'on_track',
        outcome: null,
        version: 1,
        collective: null,
      });
      expect(res.body.number).toMatch(/^ALA-\d{4}-\d{6}$/);
      // Friday 20 Nov 2026 is day 0; 15 working days later, with 16 Dec (Independence Day) off.
      expect(res.body.dueDate).toBe('2026-12-11');

      const events = await w.users.operatorAla.get(`/appeals/${res.body.id}/events`);
      expect(events.status).toBe(200);
      expect(events.body.map((e: { type: string }) => e.type)).toEqual(['registered', 'routed']);
      expect(events.body[1].data).toMatchObject({ from: 'registered', to: 'routed', agencyId: w.agencies.alaAkimat });
    });

    it('leaves an appeal registered when no rule matches', async () => {
      const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w, { categoryId: w.categories.other }), channel: 'public_office' });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('registered');
      expect(res.body.agencyId).toBeNull();
    });

    it('accepts an anonymous collective appeal without an applicant', async () => {
      const body = appealInput(w, { anonymous: true, collective: { signatories: 40 } });
      delete body.applicant;
      const res = await w.users.operatorAla.post('/appeals', { ...body, channel: 'mail' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ anonymous: true, applicant: null, collective: { signatories: 40 } });
    });

    it('links a repeat appeal of the same IIN and category', async () => {
      const first = await w.users.operatorAla.post('/appeals', { ...appealInput(w, { applicant: { fullName: 'A', iin: VALID_IINS[1] } }), channel: 'mail' });
      const second = await w.users.operatorAla.post('/appeals', { ...appealInput(w, { applicant: { fullName: 'A', iin: VALID_IINS[1] } }), channel: 'mail' });
      expect(first.body.repeatOfId).toBeNull();
      expect(second.body.repeatOfId).toBe(first.body.id);
      const otherCategory = await w.users.operatorAla.post('/appeals', {
        ...appealInput(w, { categoryId: w.categories.health, applicant: { fullName: 'A', iin: VALID_IINS[1] } }),
        channel: 'mail',
      });
      expect(otherCategory.body.repeatOfId).toBeNull();
    });
  });

  describe('registrations arriving together', () => {
    it('share a statement and each gets its own number, events and outbox rows', async () => {
      const body = appealInput(w, { anonymous: true });
      delete body.applicant;
      const responses = await Promise.all(Array.from({ length: 30 }, () => w.users.operatorAla.post('/appeals', { ...body, channel: 'mail' })));
      expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
      const ids = responses.map((r) => r.body.id as string);
      expect(new Set(responses.map((r) => r.body.number)).size).toBe(30);

      const [shared] = await t.db.query(`SELECT count(DISTINCT registered_at)::int AS statements FROM appeals WHERE id = ANY($1)`, [ids]);
      // registered_at is the transaction's start: appeals of one statement share it.
      expect(shared.statements).toBeLessThan(30);
      const perAppeal = await t.db.query(
        `SELECT a.id, (SELECT array_agg(e.type ORDER BY e.seq) FROM appeal_events e WHERE e.appeal_id = a.id) AS events,
                (SELECT array_agg(o.topic ORDER BY o.id) FROM outbox o WHERE o.appeal_id = a.id) AS topics
           FROM appeals a WHERE a.id = ANY($1)`,
        [ids],
      );
      expect(perAppeal).toHaveLength(30);
      for (const row of perAppeal) {
        expect(row.events).toEqual(['registered', 'routed']);
        expect(row.topics).toEqual(['notification', 'notification', 'deadlines']);
      }
    });

    it('links repeats of one applicant sent at the same moment, as if sent one by one', async () => {
      const body = { ...appealInput(w, { categoryId: w.categories.health, branchId: w.branches.astEsl, applicant: { fullName: 'Б', iin: VALID_IINS[2] } }), channel: 'mail' };
      const responses = await Promise.all(Array.from({ length: 4 }, () => w.users.operatorKz.post('/appeals', body)));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const ids = responses.map((r) => r.body.id as string);
      const links = responses.map((r) => r.body.repeatOfId as string | null);
      expect(links.filter((l) => l === null)).toHaveLength(1);
      // A chain: each later one links to an earlier one, none to itself, no two to the same.
      expect(new Set(links.filter(Boolean)).size).toBe(3);
      for (const l of links.filter(Boolean)) expect(ids).toContain(l);
    });

    it('fails only the registration Postgres refuses, not the others of its statement', async () => {
      const batcher = t.app.get(RegistrationBatcher);
      const params = (trackingCode: string): RegistrationParams => ({
        branch_id: w.branches.alaBos,
        category_id: w.categories.other,
        scope_id: null,
        year: 2026,
        tracking_code: trackingCode,
        channel: 'mail',
        type: 'complaint',
        subject: 'Проверка',
        text: 'Текст обращения',
        language: 'ru',
        anonymous: true,
        signatories: null,
        applicant: null,
        applicant_iin: null,
        received_at: new Date().toISOString(),
        received_on: '2026-11-30',
        deadline_start: '2026-11-30',
        due_date: '2026-12-21',
        reception_id: null,
        call_id: null,
        created_by: null,
        term: 15,
      });
      // A tracking code longer than its column: Postgres refuses it (22001), validation never lets one through.
      const results = await Promise.allSettled(['GOODCODE01', 'X'.repeat(40), 'GOODCODE02'].map((c) => batcher.register(params(c))));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '22001' });
      const rows = await t.db.query(`SELECT tracking_code FROM appeals WHERE tracking_code IN ('GOODCODE01', 'GOODCODE02') ORDER BY 1`);
      expect(rows.map((r: { tracking_code: string }) => r.tracking_code)).toEqual(['GOODCODE01', 'GOODCODE02']);
    });
  });

  describe('portal', () => {
    const portalBody = (w: World) => {
      const { receivedAt: _r, ...rest } = appealInput(w);
      return rest;
    };

    it('registers a citizen appeal and shows its public status without personal data', async () => {
      const res = await w.anonymous.post('/portal/appeals', portalBody(w));
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['dueDate', 'id', 'number', 'status', 'trackingCode']);
      expect(res.body.status).toBe('routed');

      const status = await w.anonymous.get(`/portal/appeals/${res.body.number}?trackingCode=${res.body.trackingCode}`);
      expect(status.status).toBe(200);
      expect(status.body).toEqual({
        number: res.body.number,
        status: 'routed',
        outcome: null,
        dueDate: res.body.dueDate,
        agencyName: 'Акимат города Алматы',
        agencyNames: { kk: 'Акимат города Алматы', ru: 'Акимат города Алматы', en: 'Акимат города Алматы' },
        answeredAt: null,
        answerText: null,
        stages: [
          { status: 'registered', at: expect.any(String) },
          { status: 'routed', at: expect.any(String) },
        ],
      });
      const appeal = await w.admin.get(`/appeals/${res.body.id}`);
      expect(appeal.body.channel).toBe('portal');
    });

    it('answers 404 when the tracking code does not match', async () => {
      const res = await w.anonymous.post('/portal/appeals', portalBody(w));
      const wrong = await w.anonymous.get(`/portal/appeals/${res.body.number}?trackingCode=WRONGCODE1`);
      expect(wrong.status).toBe(404);
      expect(wrong.body.code).toBe('NOT_FOUND');
    });

    it('replays the same answer for the same Idempotency-Key and body, and refuses another body', async () => {
      const key = `key-${Date.now()}`;
      const first = await w.anonymous.post('/portal/appeals', portalBody(w)).set('Idempotency-Key', key);
      const again = await w.anonymous.post('/portal/appeals', portalBody(w)).set('Idempotency-Key', key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const [{ count }] = await t.db.query(`SELECT count(*) FROM appeals WHERE id = $1`, [first.body.id]);
      expect(count).toBe(1);
      const different = await w.anonymous.post('/portal/appeals', { ...portalBody(w), subject: 'Другое' }).set('Idempotency-Key', key);
      expect(different.status).toBe(409);
      expect(different.body.code).toBe('DUPLICATE');
    });

    it('creates one appeal when the same key arrives concurrently', async () => {
      const key = `concurrent-${Date.now()}`;
      const answers = await Promise.all(Array.from({ length: 8 }, () => w.anonymous.post('/portal/appeals', portalBody(w)).set('Idempotency-Key', key)));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    });

    it('refuses anonymous portal appeals and missing contacts', async () => {
      const anonymous = await w.anonymous.post('/portal/appeals', { ...portalBody(w), anonymous: true });
      expect(anonymous.status).toBe(400);
      expect(anonymous.body.details[0].field).toBe('anonymous');
      const noContact = await w.anonymous.post('/portal/appeals', { ...portalBody(w), applicant: { fullName: 'X', iin: VALID_IINS[0] } });
      expect(noContact.status).toBe(400);
      expect(noContact.body.details[0].field).toBe('applicant.phone');
      const noIin = await w.anonymous.post('/portal/appeals', { ...portalBody(w), applicant: { fullName: 'X', email: 'x@example.kz' } });
      expect(noIin.status).toBe(400);
      expect(noIin.body.details[0].field).toBe('applicant.iin');
    });
  });

  describe('call centre', () => {
    it('logs a call that becomes an appeal received when the call started', async () => {
      const { receivedAt: _r, ...appeal } = appealInput(w);
      const res = await w.users.operatorAla.post('/call-centre/calls', {
        callerPhone: '87011234567',
        startedAt: '2026-11-19T12:00:00+05:00',
        endedAt: '2026-11-19T12:07:00+05:00',
        result: 'appeal',
        appeal,
      });
      expect(res.status).toBe(201);
      expect(res.body.result).toBe('appeal');
      expect(res.body.appeal).toMatchObject({ channel: 'call_centre', callId: res.body.id, receivedAt: '2026-11-19T07:00:00.000Z' });
    });

    it('logs a consultation and a status inquiry without creating an appeal', async () => {
      const before = await t.db.query(`SELECT count(*) FROM appeals`);
      const consultation = await w.users.operatorAla.post('/call-centre/calls', {
        callerPhone: '+77011234567',
        startedAt: '2026-11-19T12:00:00+05:00',
        result: 'consultation',
        notes: 'Разъяснен порядок получения субсидии',
      });
      expect(consultation.status).toBe(201);
      expect(consultation.body.appeal).toBeUndefined();
      const inquiry = await w.users.operatorAla.post('/call-centre/calls', {
        callerPhone: '+77011234567',
        startedAt: '2026-11-19T12:10:00+05:00',
        result: 'status_inquiry',
        appealNumber: 'ALA-2026-000001',
      });
      expect(inquiry.status).toBe(201);
      expect(inquiry.body.inquiry).toMatchObject({ number: 'ALA-2026-000001' });
      const after = await t.db.query(`SELECT count(*) FROM appeals`);
      expect(after[0].count).toBe(before[0].count);
    });

    it('requires an appeal body when the result is "appeal"', async () => {
      const res = await w.users.operatorAla.post('/call-centre/calls', { callerPhone: '+77011234567', startedAt: '2026-11-19T12:00:00+05:00', result: 'appeal' });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('appeal');
    });
  });

  describe('receptions', () => {
    it('records a session and visits: a consultation and an appeal in the session branch', async () => {
      const session = await w.users.receptionAla.post('/receptions', {
        branchId: w.branches.alaAlm,
        hostName: 'Депутат Мажилиса Иванов И.И.',
        hostType: 'majilis_deputy',
        startsAt: '2026-11-18T10:00:00+05:00',
        endsAt: '2026-11-18T13:00:00+05:00',
        format: 'in_person',
      });
      expect(session.status).toBe(201);
      const consultation = await w.users.receptionAla.post(`/receptions/${session.body.id}/visits`, {
        visitor: { fullName: 'Айгуль Сейтова', phone: '+7 777 000 11 22' },
        topic: 'Пенсия',
        result: 'consultation',
      });
      expect(consultation.status).toBe(201);
      expect(consultation.body.appeal).toBeUndefined();

      const { branchId: _b, ...appeal } = appealInput(w);
      const visit = await w.users.receptionAla.post(`/receptions/${session.body.id}/visits`, {
        visitor: { fullName: 'Серик Ахметов', iin: VALID_IINS[2] },
        result: 'appeal',
        appeal,
      });
      expect(visit.status).toBe(201);
      expect(visit.body.appeal).toMatchObject({
        channel: 'reception',
        receptionId: session.body.id,
        branchId: w.branches.alaAlm,
        receivedAt: '2026-11-18T05:00:00.000Z',
      });
      const list = await w.users.receptionAla.get(`/receptions?branchId=${w.branches.ala}&from=2026-11-18&to=2026-11-18`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([expect.objectContaining({ id: session.body.id, visitors: 2 })]);
    });
  });
});
