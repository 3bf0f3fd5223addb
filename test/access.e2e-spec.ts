import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';
import { ApiClient, login } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, PASSWORD, World } from './support/world';

type Appeal = { id: string; status: string; branchId: string; agencyId: string | null; channel: string; categoryId: string };

/** Authentication, roles and scope: who may see and do what (API.md "Conventions", "Auth and users"). */
describe('access', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  function expectError(res: Response, status: number, code: string, field?: string): void {
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, code, message: expect.any(String) } });
    if (field !== undefined) expect(res.body.details).toEqual(expect.arrayContaining([{ field, code: expect.any(String), message: expect.any(String) }]));
  }

  async function register(client: ApiClient, overrides: Record<string, unknown> = {}, channel = 'mail'): Promise<Appeal> {
    const res = await client.post('/appeals', { ...appealInput(w, overrides), channel });
    if (res.status !== 201) throw new Error(`register → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Every id the caller can list with this query, following the pages. */
  async function listIds(client: ApiClient, query = ''): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await client.get(`/appeals?pageSize=200&page=${page}${query ? `&${query}` : ''}`);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((a: Appeal) => a.id));
      if (ids.length >= res.body.total || res.body.items.length === 0) return ids.sort();
    }
  }

  describe('authentication', () => {
    it('refuses a wrong password and an unknown login alike with 401 UNAUTHORIZED', async () => {
      const wrong = await w.anonymous.post('/auth/login', { login: 'controller.ala', password: 'wrong-password' });
      expectError(wrong, 401, 'UNAUTHORIZED');
      expect(wrong.body.accessToken).toBeUndefined();
      const unknown = await w.anonymous.post('/auth/login', { login: 'nobody.here', password: PASSWORD });
      expectError(unknown, 401, 'UNAUTHORIZED');
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('logs in case-insensitively by login and returns the user without any password field', async () => {
      const res = await w.anonymous.post('/auth/login', { login: 'Controller.ALA', password: PASSWORD });
      expect(res.status).toBe(200);
      expect(typeof res.body.accessToken).toBe('string');
      expect(res.body.user).toEqual({
        id: w.userIds['controller.ala'],
        login: 'controller.ala',
        fullName: 'Test controller.ala',
        role: 'controller',
        branchId: w.branches.ala,
        agencyId: null,
        active: true,
      });
    });

    it('answers 401 to a staff endpoint without a token or with a bad one', async () => {
      const forged = jwt.sign({ sub: w.userIds['controller.ala'], role: 'admin', branchId: null, agencyId: null }, 'another-secret-of-16-chars');
      const expired = jwt.sign({ sub: w.userIds['controller.ala'], role: 'controller', branchId: w.branches.ala, agencyId: null }, process.env.JWT_SECRET!, {
        expiresIn: -60,
      });
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: w.userIds['controller.ala'], role: 'admin' }),
      ).toString('base64url')}.`;
      const [header, , signature] = w.users.controllerAla.token!.split('.');
      const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: w.userIds['controller.ala'], role: 'admin', branchId: null, agencyId: null })).toString('base64url')}.${signature}`;
      const authorizations: (string | undefined)[] = [
        undefined,
        '',
        'Bearer',
        'Bearer ',
        'Bearer garbage',
        'Bearer a.b.c',
        `Basic ${Buffer.from('admin:admin-password').toString('base64')}`,
        `bearer-${w.admin.token}`,
        `Bearer ${forged}`,
        `Bearer ${expired}`,
        `Bearer ${unsigned}`,
        `Bearer ${tampered}`,
      ];
      for (const path of ['/appeals', '/branches', '/users', '/calendar?from=2026-01-01&to=2026-12-31']) {
        for (const authorization of authorizations) {
          const req = t.http().get(`/api/v1${path}`);
          const res = await (authorization === undefined ? req : req.set('Authorization', authorization));
          expect({ path, authorization, status: res.status }).toEqual({ path, authorization, status: 401 });
          expectError(res, 401, 'UNAUTHORIZED');
        }
      }
      const post = await w.anonymous.post('/appeals', { ...appealInput(w), channel: 'mail' });
      expectError(post, 401, 'UNAUTHORIZED');
    });

    it('keeps the public endpoints public', async () => {
      expect((await w.anonymous.get('/health')).status).toBe(200);
      const portal = await w.anonymous.get('/portal/appeals/ALA-2026-999999?trackingCode=ABCDEFGHJK');
      expectError(portal, 404, 'NOT_FOUND');
    });
  });

  describe('users', () => {
    const newUser = (overrides: Record<string, unknown> = {}) => ({
      login: `user.${Math.random().toString(36).slice(2, 10)}`,
      password: PASSWORD,
      fullName: 'Жаңа қызметкер',
      role: 'controller',
      branchId: w.branches.alaBos,
      ...overrides,
    });

    it('lets only the admin create and list users (403 for every other role)', async () => {
      const [{ count: before }] = await t.db.query(`SELECT count(*)::int AS count FROM users`);
      for (const [name, client] of Object.entries(w.users)) {
        const res = await client.post('/users', newUser());
        expect({ name, status: res.status }).toEqual({ name, status: 403 });
        expectError(res, 403, 'FORBIDDEN');
        expect((await client.get('/users')).status).toBe(403);
      }
      const [{ count: after }] = await t.db.query(`SELECT count(*)::int AS count FROM users`);
      expect(after).toBe(before);
    });

    it('never shows a password or its hash', async () => {
      const body = newUser();
      const res = await w.admin.post('/users', body);
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['active', 'agencyId', 'branchId', 'fullName', 'id', 'login', 'role']);
      expect(res.body).toMatchObject({ login: body.login, role: 'controller', branchId: w.branches.alaBos, agencyId: null });
      expect(JSON.stringify(res.body)).not.toContain(PASSWORD);

      const list = await w.admin.get('/users');
      expect(list.status).toBe(200);
      for (const user of list.body.items) expect(Object.keys(user).sort()).toEqual(['active', 'agencyId', 'branchId', 'fullName', 'id', 'login', 'role']);
      expect(JSON.stringify(list.body)).not.toMatch(/password|hash|\$argon|\$2[aby]\$|scrypt/i);

      const loggedIn = await w.anonymous.post('/auth/login', { login: body.login, password: PASSWORD });
      expect(Object.keys(loggedIn.body.user).sort()).toEqual(['active', 'agencyId', 'branchId', 'fullName', 'id', 'login', 'role']);
    });

    it.each([
      ['a controller without branchId', 'branchId', { role: 'controller', branchId: undefined }],
      ['an operator without branchId', 'branchId', { role: 'operator', branchId: undefined }],
      ['an analyst without branchId', 'branchId', { role: 'analyst', branchId: undefined }],
      ['an agency officer without agencyId', 'agencyId', { role: 'agency_officer', branchId: undefined }],
      ['an agency officer with a branchId', 'branchId', { role: 'agency_officer', agencyId: '__alaAkimat__' }],
      ['a controller with an agencyId', 'agencyId', { role: 'controller', agencyId: '__alaAkimat__' }],
      ['a controller of a non-existent branch', 'branchId', { branchId: '00000000-0000-4000-8000-000000000000' }],
      ['an unknown role', 'role', { role: 'superuser' }],
      ['a short password', 'password', { password: 'short' }],
      ['a login with spaces', 'login', { login: 'two words' }],
    ])('refuses %s with 400 naming %s', async (_label, field, overrides) => {
      const body: Record<string, unknown> = newUser(overrides);
      for (const [k, v] of Object.entries(body)) {
        if (v === undefined) delete body[k];
        if (v === '__alaAkimat__') body[k] = w.agencies.alaAkimat;
      }
      const res = await w.admin.post('/users', body);
      expectError(res, 400, 'VALIDATION_FAILED', field);
    });

    it('refuses a duplicate login (in any case) with 409 DUPLICATE', async () => {
      for (const loginName of ['controller.ala', 'CONTROLLER.ALA']) {
        const res = await w.admin.post('/users', newUser({ login: loginName }));
        expectError(res, 409, 'DUPLICATE', 'login');
      }
    });
  });

  describe('scope of appeals', () => {
    let almaty: Appeal;

    beforeAll(async () => {
      almaty = await register(w.users.operatorAla); // Bostandyk district, ALA subtree; routed to the Almaty akimat
    });

    it('is readable by the Almaty controller, the central operator and the admin', async () => {
      for (const client of [w.users.controllerAla, w.users.operatorAla, w.users.receptionAla, w.users.operatorKz, w.admin]) {
        const one = await client.get(`/appeals/${almaty.id}`);
        expect(one.status).toBe(200);
        expect(one.body.id).toBe(almaty.id);
        expect((await client.get(`/appeals/${almaty.id}/events`)).status).toBe(200);
        expect(await listIds(client)).toContain(almaty.id);
        expect(await listIds(client, `branchId=${w.branches.ala}`)).toContain(almaty.id);
      }
    });

    it('is invisible to the Astana controller: 404, never listed, not even when asked for the ALA branch', async () => {
      const ast = w.users.controllerAst;
      expectError(await ast.get(`/appeals/${almaty.id}`), 404, 'NOT_FOUND');
      expectError(await ast.get(`/appeals/${almaty.id}/events`), 404, 'NOT_FOUND');
      // The same answer as for an appeal that does not exist at all.
      const missing = await ast.get('/appeals/00000000-0000-4000-8000-000000000000');
      expect((await ast.get(`/appeals/${almaty.id}`)).body).toEqual(missing.body);
      expect(await listIds(ast)).not.toContain(almaty.id);
      const asked = await ast.get(`/appeals?branchId=${w.branches.ala}`);
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ items: [], total: 0 });
      const byAgency = await ast.get(`/appeals?agencyId=${w.agencies.alaAkimat}`);
      expect(byAgency.body).toMatchObject({ items: [], total: 0 });
    });

    it('does not let the Astana controller act on it either (404)', async () => {
      const res = await w.users.controllerAst.post(`/appeals/${almaty.id}/route`, { agencyId: w.agencies.minConstruction });
      expectError(res, 404, 'NOT_FOUND');
      expect((await w.admin.get(`/appeals/${almaty.id}`)).body.agencyId).toBe(w.agencies.alaAkimat);
    });

    it('lets the Astana controller see only Astana appeals', async () => {
      const astana = await register(w.admin, { branchId: w.branches.astEsl, categoryId: w.categories.housing });
      const ids = await listIds(w.users.controllerAst);
      expect(ids).toContain(astana.id);
      const rows: { id: string }[] = await t.db.query(
        `SELECT a.id FROM appeals a JOIN branches b ON b.id = a.branch_id WHERE b.path <@ (SELECT path FROM branches WHERE id = $1) ORDER BY a.id`,
        [w.branches.ast],
      );
      expect(ids).toEqual(rows.map((r) => r.id).sort());
    });

    it('refuses an Almaty operator registering in Astana with 403 FORBIDDEN, writing nothing', async () => {
      const [{ count: before }] = await t.db.query(`SELECT count(*)::int AS count FROM appeals`);
      for (const branchId of [w.branches.ast, w.branches.astEsl, w.branches.kz]) {
        const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w, { branchId }), channel: 'mail' });
        expectError(res, 403, 'FORBIDDEN');
      }
      const [{ count: after }] = await t.db.query(`SELECT count(*)::int AS count FROM appeals`);
      expect(after).toBe(before);
    });

    it('applies the same branch scope to calls and receptions', async () => {
      const before = await t.db.query(`SELECT (SELECT count(*) FROM appeals)::int AS a, (SELECT count(*) FROM calls)::int AS c, (SELECT count(*) FROM reception_sessions)::int AS s`);
      const { receivedAt: _r, ...astanaAppeal } = appealInput(w, { branchId: w.branches.astEsl });
      const call = await w.users.operatorAla.post('/call-centre/calls', {
        callerPhone: '+77011234567',
        startedAt: '2026-11-19T12:00:00+05:00',
        result: 'appeal',
        appeal: astanaAppeal,
      });
      expectError(call, 403, 'FORBIDDEN');
      const session = await w.users.receptionAla.post('/receptions', {
        branchId: w.branches.ast,
        hostName: 'Депутат маслихата',
        hostType: 'maslikhat_deputy',
        startsAt: '2026-11-18T10:00:00+05:00',
        format: 'in_person',
      });
      expectError(session, 403, 'FORBIDDEN');
      expect(await t.db.query(`SELECT (SELECT count(*) FROM appeals)::int AS a, (SELECT count(*) FROM calls)::int AS c, (SELECT count(*) FROM reception_sessions)::int AS s`)).toEqual(before);

      // A session in Astana is not found by the Almaty reception desk.
      const astanaSession = await w.admin.post('/receptions', {
        branchId: w.branches.ast,
        hostName: 'Депутат маслихата',
        hostType: 'maslikhat_deputy',
        startsAt: '2026-11-18T10:00:00+05:00',
        format: 'in_person',
      });
      expect(astanaSession.status).toBe(201);
      const visit = await w.users.receptionAla.post(`/receptions/${astanaSession.body.id}/visits`, { visitor: { fullName: 'Гость' }, result: 'consultation' });
      expectError(visit, 404, 'NOT_FOUND');
      const listed = await w.users.receptionAla.get(`/receptions?branchId=${w.branches.ast}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([]);
    });

    it('lets the central operator register anywhere', async () => {
      const res = await w.users.operatorKz.post('/appeals', { ...appealInput(w, { branchId: w.branches.astEsl }), channel: 'mail' });
      expect(res.status).toBe(201);
    });

    it('shows the agency officer exactly the appeals currently assigned to their agency', async () => {
      const officer = w.users.officerAlaAkimat;
      const assigned = async (): Promise<string[]> =>
        (await t.db.query(`SELECT id FROM appeals WHERE agency_id = $1 ORDER BY id`, [w.agencies.alaAkimat])).map((r: { id: string }) => r.id).sort();

      const healthInAlmaty = await register(w.users.operatorAla, { categoryId: w.categories.health }); // → the health ministry
      const unrouted = await register(w.users.operatorAla, { categoryId: w.categories.other }); // no rule: registered
      const astana = await register(w.admin, { branchId: w.branches.astEsl, categoryId: w.categories.housing }); // → the Astana akimat
      const ours = await register(w.users.operatorAla, { categoryId: w.categories.housing });
      expect(ours.agencyId).toBe(w.agencies.alaAkimat);

      let ids = await listIds(officer);
      expect(ids).toEqual(await assigned());
      expect(ids).toEqual(expect.arrayContaining([almaty.id, ours.id]));
      for (const other of [healthInAlmaty, unrouted, astana]) {
        expect(ids).not.toContain(other.id);
        expectError(await officer.get(`/appeals/${other.id}`), 404, 'NOT_FOUND');
      }
      expect((await officer.get(`/appeals/${ours.id}`)).status).toBe(200);

      // Transfers change what the officer sees: one away, an Astana one (by exception) to them.
      expect((await w.admin.post(`/appeals/${ours.id}/route`, { agencyId: w.agencies.minConstruction })).status).toBe(200);
      expect((await w.admin.post(`/appeals/${astana.id}/route`, { agencyId: w.agencies.alaAkimat })).status).toBe(200);
      ids = await listIds(officer);
      expect(ids).toEqual(await assigned());
      expect(ids).not.toContain(ours.id);
      expect(ids).toContain(astana.id);
      expectError(await officer.get(`/appeals/${ours.id}`), 404, 'NOT_FOUND');
      expect((await officer.get(`/appeals/${astana.id}`)).status).toBe(200);

      // The health ministry's officer sees only the health appeal(s).
      const health = await listIds(w.users.officerMinHealth);
      expect(health).toContain(healthInAlmaty.id);
      expect(health).not.toContain(almaty.id);
    });

    it('does not let an agency officer register appeals', async () => {
      const res = await w.users.officerAlaAkimat.post('/appeals', { ...appealInput(w), channel: 'mail' });
      expectError(res, 403, 'FORBIDDEN');
    });

    it('gives the analyst statistics only: 403 on the cases', async () => {
      const analyst = w.users.analystKz;
      expectError(await analyst.get('/appeals'), 403, 'FORBIDDEN');
      expectError(await analyst.get(`/appeals/${almaty.id}`), 403, 'FORBIDDEN');
      expectError(await analyst.get(`/appeals/${almaty.id}/events`), 403, 'FORBIDDEN');
      expectError(await analyst.post('/appeals', { ...appealInput(w), channel: 'mail' }), 403, 'FORBIDDEN');
    });

    it('records every staff read of personal data', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS count FROM personal_data_reads WHERE appeal_id = $1 AND actor_id = $2`, [
        almaty.id,
        w.userIds['controller.ala'],
      ]);
      await w.users.controllerAla.get(`/appeals/${almaty.id}`);
      const after = await t.db.query(`SELECT count(*)::int AS count FROM personal_data_reads WHERE appeal_id = $1 AND actor_id = $2`, [
        almaty.id,
        w.userIds['controller.ala'],
      ]);
      expect(after[0].count).toBe(before[0].count + 1);
    });
  });

  describe('reference data', () => {
    const writes = (w: World): [string, (c: ApiClient) => ReturnType<ApiClient['post']>][] => [
      ['POST /branches', (c) => c.post('/branches', { code: 'SHY', name: 'Шымкентский городской филиал', level: 'regional', parentId: w.branches.kz })],
      ['POST /agencies', (c) => c.post('/agencies', { code: 'SHY-AKIMAT', name: 'Акимат города Шымкента' })],
      ['POST /categories', (c) => c.post('/categories', { code: 'ROADS', names: { kk: 'Жолдар', ru: 'Дороги', en: 'Roads' } })],
      // A rule no appeal of the filter tests below falls under (health in the Esil district).
      ['POST /routing-rules', (c) => c.post('/routing-rules', { categoryId: w.categories.health, agencyId: w.agencies.astAkimat, branchId: w.branches.astEsl })],
      ['PUT /calendar/days/2026-12-31', (c) => c.put('/calendar/days/2026-12-31', { kind: 'holiday', name: 'Новогодний' })],
      ['DELETE /calendar/days/2026-12-16', (c) => c.delete('/calendar/days/2026-12-16')],
    ];
    const snapshot = () =>
      t.db.query(`SELECT (SELECT count(*) FROM branches)::int AS b, (SELECT count(*) FROM agencies)::int AS a, (SELECT count(*) FROM categories)::int AS c,
                         (SELECT count(*) FROM routing_rules)::int AS r, (SELECT md5(string_agg(day::text || kind || coalesce(name, ''), ',' ORDER BY day)) FROM calendar_days) AS cal`);

    it('refuses writes by every role but admin with 403, changing nothing', async () => {
      const before = await snapshot();
      for (const [name, client] of Object.entries(w.users)) {
        for (const [what, write] of writes(w)) {
          const res = await write(client);
          expect({ name, what, status: res.status }).toEqual({ name, what, status: 403 });
          expectError(res, 403, 'FORBIDDEN');
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets every staff role read it, and nobody without a token', async () => {
      const reads = ['/branches', `/branches?parentId=${w.branches.ala}`, '/agencies', '/categories', '/routing-rules', '/calendar?from=2026-01-01&to=2026-12-31'];
      for (const [name, client] of [...Object.entries(w.users), ['admin', w.admin] as const]) {
        for (const path of reads) {
          const res = await client.get(path);
          expect({ name, path, status: res.status }).toEqual({ name, path, status: 200 });
          expect(Array.isArray(res.body)).toBe(true);
          expect(res.body.length).toBeGreaterThan(0);
        }
        const due = await client.get('/calendar/due-date?from=2026-11-20&workdays=15');
        expect(due.body).toEqual({ dueDate: '2026-12-11' });
      }
      for (const path of [...reads, '/calendar/due-date?from=2026-11-20&workdays=15']) {
        expectError(await w.anonymous.get(path), 401, 'UNAUTHORIZED');
      }
    });

    it('lets the admin write it', async () => {
      for (const [what, write] of writes(w)) {
        const res = await write(w.admin);
        expect({ what, status: res.status }).toEqual({ what, status: what.startsWith('DELETE') ? 204 : what.startsWith('PUT') ? 200 : 201 });
      }
    });
  });

  describe('GET /appeals filters', () => {
    // Every appeal here is received in a window no other test uses, so the window makes the sets exact.
    const WINDOW = 'receivedFrom=2026-11-02&receivedTo=2026-11-13';
    type Fixture = Appeal & { receivedOn: string; deadlineState: string };
    let all: Fixture[];

    const ids = (items: Fixture[]) => items.map((a) => a.id).sort();

    beforeAll(async () => {
      const specs: [Record<string, unknown>, string, string][] = [
        // [overrides, channel, local date of receipt]
        [{ branchId: w.branches.alaBos, categoryId: w.categories.housingRepair, receivedAt: '2026-11-01T19:00:00Z' }, 'mail', '2026-11-02'],
        [{ branchId: w.branches.alaAlm, categoryId: w.categories.housing, receivedAt: '2026-11-03T10:00:00+05:00' }, 'public_office', '2026-11-03'],
        [{ branchId: w.branches.ala, categoryId: w.categories.health, receivedAt: '2026-11-04T10:00:00+05:00' }, 'mail', '2026-11-04'],
        [{ branchId: w.branches.astEsl, categoryId: w.categories.housing, receivedAt: '2026-11-05T10:00:00+05:00' }, 'public_office', '2026-11-05'],
        [{ branchId: w.branches.astEsl, categoryId: w.categories.other, receivedAt: '2026-11-06T10:00:00+05:00' }, 'mail', '2026-11-06'],
        [{ branchId: w.branches.alaBos, categoryId: w.categories.other, receivedAt: '2026-11-09T10:00:00+05:00' }, 'reception', '2026-11-09'],
        [{ branchId: w.branches.alaBos, categoryId: w.categories.housingRepair, receivedAt: '2026-11-10T10:00:00+05:00' }, 'call_centre', '2026-11-10'],
        [{ branchId: w.branches.kz, categoryId: w.categories.housing, receivedAt: '2026-11-13T18:59:59Z' }, 'mail', '2026-11-13'],
      ];
      all = [];
      for (const [overrides, channel, receivedOn] of specs) {
        all.push({ ...(await register(w.admin, overrides, channel)), receivedOn, deadlineState: 'on_track' });
      }
      // Deadline states are kept by the worker; set two here so the filter has something to tell apart.
      await t.db.query(`UPDATE appeals SET deadline_state = 'overdue' WHERE id = $1`, [all[0].id]);
      await t.db.query(`UPDATE appeals SET deadline_state = 'due_soon' WHERE id = $1`, [all[3].id]);
      all[0].deadlineState = 'overdue';
      all[3].deadlineState = 'due_soon';
      // Just outside the window on either side, in Almaty time.
      await register(w.admin, { receivedAt: '2026-11-01T18:59:59Z' });
      await register(w.admin, { receivedAt: '2026-11-13T19:00:00Z' });
    });

    const inAla = (a: Fixture) => [w.branches.ala, w.branches.alaBos, w.branches.alaAlm].includes(a.branchId);

    it('has the routing the filters rely on', () => {
      expect(all.map((a) => a.status)).toEqual(['routed', 'routed', 'routed', 'routed', 'registered', 'registered', 'routed', 'routed']);
    });

    it.each<[string, (w: World) => string, (a: Fixture, w: World) => boolean]>([
      ['no filter but the window', () => '', () => true],
      ['status=registered', () => 'status=registered', (a) => a.status === 'registered'],
      ['status=routed', () => 'status=routed', (a) => a.status === 'routed'],
      ['status=closed', () => 'status=closed', () => false],
      ['branchId = a region (its whole subtree)', (w) => `branchId=${w.branches.ala}`, (a) => inAla(a)],
      ['branchId = a district', (w) => `branchId=${w.branches.alaBos}`, (a, w) => a.branchId === w.branches.alaBos],
      ['branchId = the root', (w) => `branchId=${w.branches.kz}`, () => true],
      ['agencyId', (w) => `agencyId=${w.agencies.alaAkimat}`, (a, w) => a.agencyId === w.agencies.alaAkimat],
      ['channel', () => 'channel=public_office', (a) => a.channel === 'public_office'],
      ['categoryId = a parent (includes subtopics)', (w) => `categoryId=${w.categories.housing}`, (a, w) => [w.categories.housing, w.categories.housingRepair].includes(a.categoryId)],
      ['categoryId = a subtopic', (w) => `categoryId=${w.categories.housingRepair}`, (a, w) => a.categoryId === w.categories.housingRepair],
      ['deadlineState=overdue', () => 'deadlineState=overdue', (a) => a.deadlineState === 'overdue'],
      ['deadlineState=on_track', () => 'deadlineState=on_track', (a) => a.deadlineState === 'on_track'],
      ['receivedFrom (local date)', () => 'receivedFrom=2026-11-06', (a) => a.receivedOn >= '2026-11-06'],
      ['receivedTo (local date)', () => 'receivedTo=2026-11-04', (a) => a.receivedOn <= '2026-11-04'],
      ['receivedFrom = receivedTo (one local day)', () => 'receivedFrom=2026-11-13&receivedTo=2026-11-13', (a) => a.receivedOn === '2026-11-13'],
      [
        'several filters at once',
        (w) => `branchId=${w.branches.ala}&categoryId=${w.categories.housing}&status=routed`,
        (a, w) => inAla(a) && [w.categories.housing, w.categories.housingRepair].includes(a.categoryId) && a.status === 'routed',
      ],
    ])('%s', async (_label, query, keep) => {
      const params = new URLSearchParams(WINDOW);
      for (const [k, v] of new URLSearchParams(query(w))) params.set(k, v);
      params.set('pageSize', '200');
      const res = await w.admin.get(`/appeals?${params}`);
      expect(res.status).toBe(200);
      const expected = all.filter((a) => keep(a, w));
      expect(res.body.items.map((a: Appeal) => a.id).sort()).toEqual(ids(expected));
      expect(res.body).toMatchObject({ total: expected.length, page: 1, pageSize: 200 });
    });

    it('combines filters with the caller scope', async () => {
      const ala = await w.users.controllerAla.get(`/appeals?${WINDOW}&pageSize=200`);
      expect(ala.body.items.map((a: Appeal) => a.id).sort()).toEqual(ids(all.filter(inAla)));
      expect(ala.body.total).toBe(all.filter(inAla).length);
      const astAskingAla = await w.users.controllerAst.get(`/appeals?${WINDOW}&branchId=${w.branches.ala}`);
      expect(astAskingAla.body).toMatchObject({ items: [], total: 0 });
      const astAskingRoot = await w.users.controllerAst.get(`/appeals?${WINDOW}&branchId=${w.branches.kz}&pageSize=200`);
      expect(astAskingRoot.body.items.map((a: Appeal) => a.id).sort()).toEqual(ids(all.filter((a) => a.branchId === w.branches.astEsl)));
    });

    it('takes the date of receipt in Asia/Almaty: 2026-11-19T20:00:00Z is on 2026-11-20', async () => {
      const late = await register(w.admin, { receivedAt: '2026-11-19T20:00:00Z' });
      const on20 = await w.admin.get('/appeals?receivedFrom=2026-11-20&receivedTo=2026-11-20&pageSize=200');
      expect(on20.body.items.map((a: Appeal) => a.id)).toContain(late.id);
      const on19 = await w.admin.get('/appeals?receivedFrom=2026-11-19&receivedTo=2026-11-19&pageSize=200');
      expect(on19.body.items.map((a: Appeal) => a.id)).not.toContain(late.id);
      const to19 = await w.admin.get('/appeals?receivedTo=2026-11-19&pageSize=200');
      expect(to19.body.items.map((a: Appeal) => a.id)).not.toContain(late.id);
    });

    it('pages with exact totals and no overlap, newest first', async () => {
      const pages = [];
      for (let page = 1; page <= 4; page++) {
        const res = await w.admin.get(`/appeals?${WINDOW}&pageSize=3&page=${page}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ total: 8, page, pageSize: 3 });
        pages.push(res.body.items.map((a: Appeal & { receivedAt: string }) => ({ id: a.id, receivedAt: a.receivedAt })));
      }
      expect(pages.map((p) => p.length)).toEqual([3, 3, 2, 0]);
      const flat = pages.flat();
      expect(flat.map((a) => a.id).sort()).toEqual(ids(all));
      const times = flat.map((a) => a.receivedAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('defaults to page 1 of 50', async () => {
      const res = await w.admin.get('/appeals');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 50 });
      expect(Object.keys(res.body).sort()).toEqual(['items', 'page', 'pageSize', 'total', 'totalIsEstimate']);
      expect(res.body.totalIsEstimate).toBe(false);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM appeals`);
      expect(res.body.total).toBe(count);
      expect(res.body.items.length).toBe(Math.min(50, count));
    });
  });
});
