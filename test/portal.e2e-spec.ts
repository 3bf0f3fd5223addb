import { login } from './support/api-client';
import { openApiDocument } from './support/openapi';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, PASSWORD, World } from './support/world';

/** API.md v1.1 "Portal": reference data, the status page's stages, clarification, feedback, limits, agency notices. */
describe('portal (v1.1)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  const portalBody = (overrides: Record<string, unknown> = {}) => {
    const { receivedAt: _r, ...body } = appealInput(w, overrides);
    return body;
  };

  /** A portal case routed by rule to the Almaty akimat; the citizen's number and code. */
  async function submit(): Promise<{ id: string; number: string; trackingCode: string }> {
    const res = await w.anonymous.post('/portal/appeals', portalBody());
    expect(res.status).toBe(201);
    return res.body;
  }

  async function act(id: string, action: string, body: object = {}): Promise<void> {
    const res = await w.admin.post(`/appeals/${id}/${action}`, body);
    expect({ action, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ action, status: 200, body: null });
  }

  const statusPath = (c: { number: string; trackingCode: string }, suffix = '') => `/portal/appeals/${c.number}${suffix}?trackingCode=${c.trackingCode}`;

  describe('GET /portal/reference', () => {
    it('lists top-level categories with their subtopics and the regional and district branches, with names in three languages', async () => {
      const deep = await w.admin.post('/categories', { code: 'HOUSING.REPAIR.ROOF', names: { kk: 'Шатыр', ru: 'Кровля', en: 'Roof' }, parentId: w.categories.housingRepair });
      expect(deep.status).toBe(201);
      const res = await w.anonymous.get('/portal/reference');
      expect(res.status).toBe(200);
      const categoryIds = res.body.categories.map((c: { id: string }) => c.id).sort();
      expect(categoryIds).toEqual(Object.values(w.categories).sort());
      expect(res.body.categories).toContainEqual({
        id: w.categories.housingRepair,
        code: 'HOUSING.REPAIR',
        names: { kk: 'Жөндеу', ru: 'Ремонт жилья', en: 'Housing repair' },
        parentId: w.categories.housing,
      });
      const { kz, ...notCentral } = w.branches;
      expect(res.body.branches.map((b: { id: string }) => b.id).sort()).toEqual(Object.values(notCentral).sort());
      expect(res.body.branches).toContainEqual({
        id: w.branches.alaBos,
        code: 'ALA-BOS',
        names: { kk: 'Бостандыкский районный филиал', ru: 'Бостандыкский районный филиал', en: 'Бостандыкский районный филиал' },
        level: 'district',
        parentId: w.branches.ala,
      });
      expect(res.body.branches.find((b: { id: string }) => b.id === w.branches.ala)).toMatchObject({ level: 'regional', parentId: kz });
    });

    it('carries an ETag and Cache-Control, answers 304 to If-None-Match while current and 200 with a new ETag after a change', async () => {
      const first = await w.anonymous.get('/portal/reference');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toMatch(/max-age=\d+/);

      const again = await w.anonymous.get('/portal/reference').set('If-None-Match', etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
      expect((await w.anonymous.get('/portal/reference').set('If-None-Match', `W/${etag}`)).status).toBe(304);
      expect((await w.anonymous.get('/portal/reference').set('If-None-Match', '"something-else"')).status).toBe(200);

      expect((await w.admin.post('/branches', { code: 'ALA-NEW', name: 'Новый районный филиал', level: 'district', parentId: w.branches.ala })).status).toBe(201);
      const changed = await w.anonymous.get('/portal/reference').set('If-None-Match', etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body.branches.map((b: { code: string }) => b.code)).toContain('ALA-NEW');
    });

    it('is documented in OpenAPI with its fields', async () => {
      const doc = openApiDocument() as any;
      expect(doc.paths['/api/v1/portal/reference'].get).toBeDefined();
      expect(Object.keys(doc.components.schemas.PortalBranchView.properties).sort()).toEqual(['code', 'id', 'level', 'names', 'parentId']);
      expect(Object.keys(doc.components.schemas.PortalStatusView.properties)).toEqual(expect.arrayContaining(['agencyNames', 'stages', 'clarificationRequest']));
      expect(doc.paths['/api/v1/portal/appeals/{number}/feedback'].post).toBeDefined();
      expect(doc.paths['/api/v1/portal/appeals/{number}/clarification'].post).toBeDefined();
    });
  });

  describe('status page', () => {
    it('matches the number in any letter case, names the agency in three languages, lists the stages and shows no personal data', async () => {
      const c = await submit();
      const res = await w.anonymous.get(statusPath({ ...c, number: c.number.toLowerCase() }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        number: c.number,
        status: 'routed',
        agencyName: 'Акимат города Алматы',
        agencyNames: { kk: 'Акимат города Алматы', ru: 'Акимат города Алматы', en: 'Акимат города Алматы' },
      });
      expect(res.body.stages.map((s: { status: string }) => s.status)).toEqual(['registered', 'routed']);
      expect(res.body).not.toHaveProperty('clarificationRequest');
      const text = JSON.stringify(res.body);
      for (const personal of ['Серик', '921029350851', '701', 'serik@', 'Абая']) expect(text).not.toContain(personal);
      expect((await w.anonymous.get(`/portal/appeals/${c.number}?trackingCode=WRONGCODE1`)).status).toBe(404);
    });

    it('shows the agency’s request while paused, and every status the citizen should see with its time', async () => {
      const c = await submit();
      await act(c.id, 'accept');
      await act(c.id, 'pause', { reason: 'Приложите фото крыши' });
      const paused = await w.anonymous.get(statusPath(c));
      expect(paused.body).toMatchObject({ status: 'paused', clarificationRequest: 'Приложите фото крыши' });
      expect(paused.body.stages.map((s: { status: string }) => s.status)).toEqual(['registered', 'routed', 'in_progress', 'paused']);
      for (const s of paused.body.stages) expect(Date.parse(s.at)).toBeGreaterThan(Date.now() - 600_000);

      await act(c.id, 'resume');
      await act(c.id, 'answer', { outcome: 'positive', text: 'Крышу отремонтируют' });
      const answered = await w.anonymous.get(statusPath(c));
      expect(answered.body).not.toHaveProperty('clarificationRequest');
      expect(answered.body.stages.map((s: { status: string }) => s.status)).toEqual(['registered', 'routed', 'in_progress', 'paused', 'in_progress', 'answered']);
      expect(answered.body.answerText).toBe('Крышу отремонтируют');
    });
  });

  describe('clarification', () => {
    it('is accepted while paused: an event and a notice in the agency’s inbox; the case stays paused', async () => {
      const c = await submit();
      await act(c.id, 'accept');
      await act(c.id, 'pause', { reason: 'Нужен номер квартиры' });
      const res = await w.anonymous.post(statusPath({ ...c, number: c.number.toLowerCase() }, '/clarification'), { text: 'Квартира 12' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ number: c.number, status: 'paused' });

      const events = await w.users.officerAlaAkimat.get(`/appeals/${c.id}/events`);
      expect(events.body.at(-1)).toMatchObject({ type: 'clarification_received', actorId: null, data: { text: 'Квартира 12' } });
      const inbox = await w.users.officerAlaAkimat.get('/staff-notifications?unread=true&pageSize=200');
      expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'clarification_received', appealId: c.id, agencyId: w.agencies.alaAkimat, readAt: null }));
      expect((await w.anonymous.get(statusPath(c))).body.status).toBe('paused');
    });

    it('answers 409 INVALID_TRANSITION when not paused, 404 for a wrong code, 400 for an empty or too long text', async () => {
      const c = await submit();
      const notPaused = await w.anonymous.post(statusPath(c, '/clarification'), { text: 'Квартира 12' });
      expect(notPaused.status).toBe(409);
      expect(notPaused.body.code).toBe('INVALID_TRANSITION');
      expect((await w.anonymous.post(`/portal/appeals/${c.number}/clarification?trackingCode=WRONGCODE1`, { text: 'x' })).status).toBe(404);
      for (const text of ['', 'x'.repeat(10_001)]) {
        const bad = await w.anonymous.post(statusPath(c, '/clarification'), { text });
        expect(bad.status).toBe(400);
        expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'text' }));
      }
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM appeal_events WHERE appeal_id = $1 AND type = 'clarification_received'`, [c.id]);
      expect(n).toBe(0);
    });
  });

  describe('feedback', () => {
    it('is refused before the answer, taken once after it, and counted in the resolution report and its export', async () => {
      const c = await submit();
      const early = await w.anonymous.post(statusPath(c, '/feedback'), { satisfied: true });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('INVALID_TRANSITION');

      await act(c.id, 'accept');
      await act(c.id, 'answer', { outcome: 'positive', text: 'Отремонтировано' });
      const first = await w.anonymous.post(statusPath(c, '/feedback'), { satisfied: false, comment: 'Ремонт не закончен' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ number: c.number, satisfied: false });
      const second = await w.anonymous.post(statusPath(c, '/feedback'), { satisfied: true });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('DUPLICATE');

      const other = await submit();
      await act(other.id, 'accept');
      await act(other.id, 'answer', { outcome: 'explained', text: 'Разъяснено' });
      await act(other.id, 'close');
      expect((await w.anonymous.post(statusPath(other, '/feedback'), { satisfied: true })).status).toBe(201);

      const bad = await w.anonymous.post(statusPath(other, '/feedback'), { satisfied: 'yes' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'satisfied' }));

      const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
      const report = await w.admin.get(`/reports/resolution?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=branch`);
      expect(report.status).toBe(200);
      expect(report.body.totals).toMatchObject({ feedbackReceived: 2, satisfied: 1, satisfiedShare: 0.5 });
      const ala = report.body.rows.find((r: { key: { branchId: string } }) => r.key.branchId === w.branches.ala);
      expect(ala).toMatchObject({ feedbackReceived: 2, satisfied: 1, satisfiedShare: 0.5 });
      const ast = report.body.rows.find((r: { key: { branchId: string } }) => r.key.branchId === w.branches.ast);
      expect(ast).toMatchObject({ feedbackReceived: 0, satisfied: 0, satisfiedShare: null });

      const csv = await w.admin.get(`/reports/resolution?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=none&format=csv&lang=en`);
      expect(csv.status).toBe(200);
      const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      const header = lines.map((l) => l.split(',')).find((cells) => cells.includes('Feedback received'))!;
      const total = lines.find((l) => l.startsWith('Total'))!.split(',');
      const cell = (name: string) => total[header.indexOf(name)];
      expect([cell('Feedback received'), cell('Satisfied'), cell('Satisfied share')]).toEqual(['2', '1', '0.5']);
    });
  });

  describe('agency notices when a case is routed, read per user', () => {
    it('tells the agency of a case routed by rule and by a controller; one officer reading it leaves it unread for another', async () => {
      const secondOfficer = await w.admin.post('/users', { login: 'officer.ala.2', password: PASSWORD, fullName: 'Second officer', role: 'agency_officer', agencyId: w.agencies.alaAkimat });
      expect(secondOfficer.status).toBe(201);
      const officer2 = await login(w.server, 'officer.ala.2', PASSWORD);

      const c = await submit();
      const routedNotice = async (client = w.users.officerAlaAkimat) =>
        (await client.get('/staff-notifications?pageSize=200')).body.items.find((n: { kind: string; appealId: string }) => n.kind === 'routed' && n.appealId === c.id);
      const notice = await routedNotice();
      expect(notice).toMatchObject({ kind: 'routed', appealId: c.id, number: c.number, agencyId: w.agencies.alaAkimat, readAt: null });

      const read = await w.users.officerAlaAkimat.post(`/staff-notifications/${notice.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      expect((await routedNotice()).readAt).toBe(read.body.readAt);
      expect((await routedNotice(officer2)).readAt).toBeNull();
      const unread2 = await officer2.get('/staff-notifications?unread=true&pageSize=200');
      expect(unread2.body.items.map((n: { id: number }) => n.id)).toContain(notice.id);
      const unread1 = await w.users.officerAlaAkimat.get('/staff-notifications?unread=true&pageSize=200');
      expect(unread1.body.items.map((n: { id: number }) => n.id)).not.toContain(notice.id);
      // Marking it again keeps the first time.
      expect((await w.users.officerAlaAkimat.post(`/staff-notifications/${notice.id}/read`)).body.readAt).toBe(read.body.readAt);

      // A controller transfers it to the ministry: the ministry is told, not the akimat again.
      const officerConstruction = await w.admin.post('/users', { login: 'officer.constr', password: PASSWORD, fullName: 'Ministry officer', role: 'agency_officer', agencyId: w.agencies.minConstruction });
      expect(officerConstruction.status).toBe(201);
      const ministry = await login(w.server, 'officer.constr', PASSWORD);
      expect((await w.users.controllerAla.post(`/appeals/${c.id}/route`, { agencyId: w.agencies.minConstruction })).status).toBe(200);
      const ministryInbox = (await ministry.get('/staff-notifications?pageSize=200')).body.items;
      expect(ministryInbox).toContainEqual(expect.objectContaining({ kind: 'routed', appealId: c.id, agencyId: w.agencies.minConstruction, readAt: null }));
      const akimatRouted = (await w.users.officerAlaAkimat.get('/staff-notifications?pageSize=200')).body.items.filter((n: { kind: string; appealId: string }) => n.kind === 'routed' && n.appealId === c.id);
      expect(akimatRouted).toHaveLength(1);
    });

    it('does not tell anyone of a case no rule routes', async () => {
      const res = await w.anonymous.post('/portal/appeals', portalBody({ categoryId: w.categories.other }));
      expect(res.body.status).toBe('registered');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM staff_notifications WHERE appeal_id = $1`, [res.body.id]);
      expect(n).toBe(0);
    });
  });

  describe('rate limits: accepted and refused requests counted apart', () => {
    let limited: TestApp;
    let lw: World;

    beforeAll(async () => {
      limited = await startTestApp({ PORTAL_RATE_LIMIT: '3' });
      lw = await buildWorld(limited);
    }, 60_000);
    afterAll(() => limited?.close());

    const body = (overrides: Record<string, unknown> = {}) => {
      const { receivedAt: _r, ...b } = appealInput(lw, overrides);
      return b;
    };

    it('lets a citizen who corrected the form several times still submit PORTAL_RATE_LIMIT appeals', async () => {
      const refused = [];
      for (let i = 0; i < 6; i++) refused.push((await lw.anonymous.post('/portal/appeals', body({ applicant: { fullName: 'Серик', iin: '123456789012', phone: '87011234567' } }))).status);
      expect(refused).toEqual(Array(6).fill(400));
      const accepted = [];
      for (let i = 0; i < 4; i++) accepted.push((await lw.anonymous.post('/portal/appeals', body())).status);
      expect(accepted).toEqual([201, 201, 201, 429]);
    });

    it('stops refused requests at their own limit (5 × PORTAL_RATE_LIMIT by default), wrong tracking codes included', async () => {
      const other = await startTestApp({ PORTAL_RATE_LIMIT: '3' });
      try {
        const ow = await buildWorld(other);
        const statuses = [];
        for (let i = 0; i < 16; i++) statuses.push((await ow.anonymous.get(`/portal/appeals/ALA-2026-000001?trackingCode=GUESS${i}`)).status);
        expect(statuses).toEqual([...Array(15).fill(404), 429]);
        const limitedAnswer = await ow.anonymous.post('/portal/appeals', (() => {
          const { receivedAt: _r, ...b } = appealInput(ow);
          return b;
        })());
        expect(limitedAnswer.status).toBe(429);
        expect(limitedAnswer.body.code).toBe('RATE_LIMITED');
        expect(Number(limitedAnswer.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await other.close();
      }
    });

    it('takes PORTAL_REFUSED_RATE_LIMIT when set', async () => {
      const other = await startTestApp({ PORTAL_RATE_LIMIT: '3', PORTAL_REFUSED_RATE_LIMIT: '4' });
      try {
        const ow = await buildWorld(other);
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await ow.anonymous.post('/portal/appeals', { subject: 'x' })).status);
        expect(statuses).toEqual([400, 400, 400, 400, 429]);
      } finally {
        await other.close();
      }
    });
  });
});
