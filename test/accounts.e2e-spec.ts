import type Redis from 'ioredis';
import jwt from 'jsonwebtoken';
import { createHash } from 'node:crypto';
import request, { Response } from 'supertest';
import { TokenVersions } from '../src/auth/token-versions';
import { REDIS } from '../src/redis/redis.module';
import { ApiClient } from './support/api-client';
import { startSecondApp, SecondApp } from './support/second-app';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, PASSWORD, World } from './support/world';

/**
 * API.md v1.1 "Accounts": the user lifecycle, revocation of tokens on every API process, the
 * per-account login throttle and the password policy. Two API processes (A: the suite's app,
 * B: a second one on the same database and Redis prefix) stand for two replicas.
 */
describe('accounts', () => {
  let t: TestApp;
  let w: World;
  let b: SecondApp;
  let redis: Redis;
  let seq = 0;
  const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
  const NEW_PASSWORD = 'a-new-pass-phrase';

  beforeAll(async () => {
    // TRUST_PROXY so that X-Forwarded-For stands for many client addresses.
    t = await startTestApp({ TRUST_PROXY: '1' });
    w = await buildWorld(t);
    b = await startSecondApp(t, { TRUST_PROXY: '1' });
    redis = t.app.get(REDIS);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  function expectError(res: Response, status: number, code: string, field?: string, detailCode?: string): void {
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, code, message: expect.any(String) } });
    if (field !== undefined) {
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(detailCode ? { code: detailCode } : {}) })]));
    }
  }

  /** A new user through the API (as the admin), and their client on app A. */
  async function newUser(role = 'controller', scope: Record<string, string> = { branchId: w.branches.ala }): Promise<{ id: string; login: string; a: ApiClient }> {
    const loginName = `acc.${unique()}`;
    const res = await w.admin.post('/users', { login: loginName, password: PASSWORD, fullName: `Сотрудник ${loginName}`, role, ...scope });
    expect(res.status).toBe(201);
    return { id: res.body.id, login: loginName, a: await login(w.server, loginName, PASSWORD) };
  }

  /** Logs in from an address of its own: the per-address limit (30 a minute) is not what this suite tests. */
  let address = 0;
  async function login(server: unknown, loginName: string, password: string): Promise<ApiClient> {
    const res = await loginFrom(server, `10.${(++address >> 8) & 255}.${address & 255}.1`, loginName, password);
    if (res.status !== 200) throw new Error(`login ${loginName} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new ApiClient(server as Parameters<typeof request>[0], res.body.accessToken);
  }

  /** The same token, sent to app B. */
  const onB = (client: ApiClient) => new ApiClient(b.server, client.token);
  const loginFrom = (server: unknown, ip: string, loginName: string, password: string) =>
    request(server as Parameters<typeof request>[0]).post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ login: loginName, password });

  describe('password policy', () => {
    it.each([
      ['shorter than 12 characters', 'Short-pw-1', 'password.too_short'],
      ['a common password', 'qwerty123456', 'password.common'],
      ['a common password in other case', 'QWERTY123456', 'password.common'],
      ['one containing the login, in any case', 'my-ACC.POLICY-login', 'password.contains_login'],
    ])('refuses %s with 400 naming password', async (_label, password, code) => {
      const res = await w.admin.post('/users', { login: 'acc.policy', password, fullName: 'Policy', role: 'analyst', branchId: w.branches.kz });
      expectError(res, 400, 'VALIDATION_FAILED', 'password', code);
      expect(JSON.stringify(res.body)).not.toContain(password);
    });

    it('accepts a long, uncommon password that does not contain the login', async () => {
      const res = await w.admin.post('/users', { login: 'acc.policy', password: 'correct horse battery', fullName: 'Policy', role: 'analyst', branchId: w.branches.kz });
      expect(res.status).toBe(201);
      expect(res.body.active).toBe(true);
    });

    it('applies to an admin reset and to the user’s own change, naming password and newPassword', async () => {
      const u = await newUser();
      expectError(await w.admin.post(`/users/${u.id}/password`, { password: '123456789012' }), 400, 'VALIDATION_FAILED', 'password', 'password.common');
      expectError(await w.admin.post(`/users/${u.id}/password`, { password: `x-${u.login}-x` }), 400, 'VALIDATION_FAILED', 'password', 'password.contains_login');
      expectError(await u.a.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'too-short' }), 400, 'VALIDATION_FAILED', 'newPassword', 'password.too_short');
      // Nothing changed: the old password and token still work.
      expect((await u.a.get('/auth/me')).status).toBe(200);
    });
  });

  describe('user lifecycle', () => {
    it('GET /auth/me answers the caller, with active', async () => {
      const res = await w.users.controllerAla.get('/auth/me');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: w.userIds['controller.ala'],
        login: 'controller.ala',
        fullName: 'Test controller.ala',
        role: 'controller',
        branchId: w.branches.ala,
        agencyId: null,
        active: true,
      });
      expectError(await w.anonymous.get('/auth/me'), 401, 'UNAUTHORIZED');
    });

    it('POST /auth/password: checks the current password, then voids every token of the user', async () => {
      const u = await newUser();
      const second = await login(w.server, u.login, PASSWORD);
      expectError(await u.a.post('/auth/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }), 400, 'VALIDATION_FAILED', 'currentPassword', 'password.wrong');
      const res = await u.a.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(204);
      for (const c of [u.a, second, onB(second)]) expectError(await c.get('/auth/me'), 401, 'UNAUTHORIZED');
      expectError(await w.anonymous.post('/auth/login', { login: u.login, password: PASSWORD }), 401, 'UNAUTHORIZED');
      const again = await login(w.server, u.login, NEW_PASSWORD);
      expect((await again.get('/auth/me')).body.login).toBe(u.login);
    });

    it('GET /users filters by role, branch subtree, agency, active and words, and pages', async () => {
      const officer = await newUser('agency_officer', { agencyId: w.agencies.astAkimat });
      const district = await newUser('operator', { branchId: w.branches.astEsl });
      const gone = await newUser('operator', { branchId: w.branches.astEsl });
      expect((await w.admin.patch(`/users/${gone.id}`, { active: false })).status).toBe(200);

      const ids = async (query: string) => {
        const res = await w.admin.get(`/users?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 200 });
        return res.body.items.map((u: { id: string }) => u.id);
      };
      expect(await ids(`agencyId=${w.agencies.astAkimat}`)).toEqual([officer.id]);
      expect(await ids(`branchId=${w.branches.ast}&role=operator`)).toEqual(expect.arrayContaining([district.id, gone.id]));
      expect(await ids(`branchId=${w.branches.ast}&role=operator&active=false`)).toEqual([gone.id]);
      expect(await ids(`branchId=${w.branches.ast}&active=true`)).not.toContain(gone.id);
      expect(await ids(`branchId=${w.branches.ala}`)).not.toContain(district.id);
      expect(await ids(`q=${encodeURIComponent(district.login.toUpperCase())}`)).toEqual([district.id]);
      expect(await ids(`q=${encodeURIComponent(`Сотрудник ${district.login}`)}`)).toEqual([district.id]);
      expect(await ids('q=%25')).toEqual([]); // % is matched literally

      const page = await w.admin.get('/users?pageSize=2&page=2');
      expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: expect.any(Number) });
      expect(page.body.items).toHaveLength(2);
      expect(JSON.stringify(page.body)).not.toMatch(/password|hash|\$argon/i);
      for (const bad of ['active=maybe', 'role=superuser', 'branchId=nope', 'pageSize=500']) {
        expectError(await w.admin.get(`/users?${bad}`), 400, 'VALIDATION_FAILED', bad.split('=')[0]);
      }
    });

    it('PATCH /users/{id}: a new name keeps the tokens; a new role or scope voids them on every process', async () => {
      const u = await newUser('operator', { branchId: w.branches.ala });
      const renamed = await w.admin.patch(`/users/${u.id}`, { fullName: 'Новое имя' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: u.id, fullName: 'Новое имя', role: 'operator', branchId: w.branches.ala, active: true });
      expect((await u.a.get('/auth/me')).status).toBe(200);

      // operator → controller keeps the branch; the token that said "operator" is void.
      const promoted = await w.admin.patch(`/users/${u.id}`, { role: 'controller' });
      expect(promoted.body).toMatchObject({ role: 'controller', branchId: w.branches.ala, agencyId: null });
      expectError(await u.a.get('/auth/me'), 401, 'UNAUTHORIZED');
      const asController = await login(w.server, u.login, PASSWORD);
      expect((await asController.get('/auth/me')).body.role).toBe('controller');

      // A scope change voids it too.
      expect((await w.admin.patch(`/users/${u.id}`, { branchId: w.branches.alaBos })).status).toBe(200);
      expectError(await asController.get('/auth/me'), 401, 'UNAUTHORIZED');
    });

    it('PATCH /users/{id} keeps the role and scope rules of POST /users', async () => {
      const u = await newUser('controller', { branchId: w.branches.ala });
      expectError(await w.admin.patch(`/users/${u.id}`, { role: 'agency_officer' }), 400, 'VALIDATION_FAILED', 'agencyId');
      expectError(await w.admin.patch(`/users/${u.id}`, { agencyId: w.agencies.alaAkimat }), 400, 'VALIDATION_FAILED', 'agencyId');
      expectError(await w.admin.patch(`/users/${u.id}`, { branchId: null }), 400, 'VALIDATION_FAILED', 'branchId');
      expectError(await w.admin.patch(`/users/${u.id}`, { role: 'admin', branchId: w.branches.ala }), 400, 'VALIDATION_FAILED', 'branchId');
      expectError(await w.admin.patch(`/users/${u.id}`, { branchId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'branchId');
      expectError(await w.admin.patch(`/users/${u.id}`, { fullName: null }), 400, 'VALIDATION_FAILED', 'fullName');
      expectError(await w.admin.patch(`/users/${u.id}`, { active: 'no' }), 400, 'VALIDATION_FAILED', 'active');
      expectError(await w.admin.patch(`/users/${u.id}`, { login: 'renamed' }), 400, 'VALIDATION_FAILED', 'login');
      expectError(await w.admin.patch('/users/not-a-uuid', { fullName: 'x' }), 400, 'VALIDATION_FAILED', 'id');
      expectError(await w.admin.patch('/users/00000000-0000-4000-8000-000000000000', { fullName: 'x' }), 404, 'NOT_FOUND');
      // Nothing above changed the user: their token is still good.
      expect((await u.a.get('/auth/me')).body).toMatchObject({ role: 'controller', branchId: w.branches.ala });

      // To agency officer: the branch, not given, is dropped; the agency is required and kept.
      const moved = await w.admin.patch(`/users/${u.id}`, { role: 'agency_officer', agencyId: w.agencies.alaAkimat });
      expect(moved.body).toMatchObject({ role: 'agency_officer', branchId: null, agencyId: w.agencies.alaAkimat });
      // To admin: no scope at all.
      expect((await w.admin.patch(`/users/${u.id}`, { role: 'admin' })).body).toMatchObject({ role: 'admin', branchId: null, agencyId: null });
      const [row] = await t.db.query(`SELECT role, branch_id, agency_id FROM users WHERE id = $1`, [u.id]);
      expect(row).toEqual({ role: 'admin', branch_id: null, agency_id: null });
    });

    it('a deactivated user cannot log in (the same 401 as a wrong password) and their tokens are void; reactivated, they can', async () => {
      const u = await newUser();
      const off = await w.admin.patch(`/users/${u.id}`, { active: false });
      expect(off.body.active).toBe(false);
      expectError(await u.a.get('/auth/me'), 401, 'UNAUTHORIZED');
      expectError(await onB(u.a).get('/auth/me'), 401, 'UNAUTHORIZED');
      const refused = await w.anonymous.post('/auth/login', { login: u.login, password: PASSWORD });
      const wrong = await w.anonymous.post('/auth/login', { login: u.login, password: 'wrong-password-x' });
      expectError(refused, 401, 'UNAUTHORIZED');
      expect(refused.body).toEqual(wrong.body);
      expect((await w.admin.patch(`/users/${u.id}`, { active: true })).body.active).toBe(true);
      expectError(await u.a.get('/auth/me'), 401, 'UNAUTHORIZED'); // the old token stays void
      expect((await (await login(w.server, u.login, PASSWORD)).get('/auth/me')).status).toBe(200);
    });

    it('POST /users/{id}/password: the admin’s reset voids the user’s tokens', async () => {
      const u = await newUser();
      expect((await w.admin.post(`/users/${u.id}/password`, { password: NEW_PASSWORD })).status).toBe(204);
      expectError(await u.a.get('/auth/me'), 401, 'UNAUTHORIZED');
      expectError(await w.anonymous.post('/auth/login', { login: u.login, password: PASSWORD }), 401, 'UNAUTHORIZED');
      expect((await login(w.server, u.login, NEW_PASSWORD)).token).toBeDefined();
      expectError(await w.admin.post('/users/00000000-0000-4000-8000-000000000000/password', { password: NEW_PASSWORD }), 404, 'NOT_FOUND');
      expectError(await w.admin.post(`/users/${u.id}/password`, {}), 400, 'VALIDATION_FAILED', 'password');
    });

    it('keeps one active admin: the last one cannot be demoted or deactivated', async () => {
      const [{ id: bootstrap }] = await t.db.query(`SELECT id FROM users WHERE login = 'admin'`);
      const other = await newUser('admin', {});
      const admins = await w.admin.get('/users?role=admin&active=true&pageSize=200');
      expect(admins.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([bootstrap, other.id]));
      for (const { id } of admins.body.items as { id: string }[]) {
        if (id !== bootstrap) expect((await w.admin.patch(`/users/${id}`, { active: false })).status).toBe(200);
      }
      expectError(await w.admin.patch(`/users/${bootstrap}`, { active: false }), 400, 'VALIDATION_FAILED', 'active', 'users.last_admin');
      expectError(await w.admin.patch(`/users/${bootstrap}`, { role: 'analyst', branchId: w.branches.kz }), 400, 'VALIDATION_FAILED', 'role', 'users.last_admin');
      expect((await w.admin.get('/auth/me')).status).toBe(200);
    });
  });

  describe('revocation on every API process', () => {
    /** B's answer to the token, as soon as it is 401 or once `ms` have passed. */
    async function refusedOnBWithin(client: ApiClient, ms: number): Promise<number> {
      const until = Date.now() + ms;
      for (;;) {
        const { status } = await onB(client).get('/branches');
        if (status === 401 || Date.now() > until) return status;
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('a token revoked through app A is refused by app B at once, for each kind of change', async () => {
      const changes: [string, (id: string) => Promise<Response>][] = [
        ['demotion', (id) => w.admin.patch(`/users/${id}`, { role: 'analyst' })],
        ['scope change', (id) => w.admin.patch(`/users/${id}`, { branchId: w.branches.ast })],
        ['deactivation', (id) => w.admin.patch(`/users/${id}`, { active: false })],
        ['password reset', (id) => w.admin.post(`/users/${id}/password`, { password: NEW_PASSWORD })],
      ];
      for (const [label, change] of changes) {
        const u = await newUser();
        // B has seen the token and cached its version: the check there is from memory.
        expect({ label, before: (await onB(u.a).get('/auth/me')).status }).toEqual({ label, before: 200 });
        expect((await change(u.id)).status).toBeLessThan(300);
        // The change answers once Redis has taken the message; B reads it off its subscription a
        // moment later, so allow it that moment: far below the cache's 60 s age, which is not what is tested.
        expect({ label, after: await refusedOnBWithin(u.a, 1000) }).toEqual({ label, after: 401 });
        expect({ label, onA: (await u.a.get('/branches')).status }).toEqual({ label, onA: 401 });
      }
    });

    it('an old token signed before the demotion, or one with a forged version, is refused', async () => {
      const u = await newUser('controller', { branchId: w.branches.ala });
      const claims = jwt.decode(u.a.token!) as Record<string, unknown>;
      // A token of the same user without a version claim (as issued before versions existed): version 0.
      const { ver: _ver, iat: _iat, exp: _exp, ...noVersion } = claims;
      const legacy = jwt.sign(noVersion, process.env.JWT_SECRET!, { expiresIn: '1h' });
      expect((await new ApiClient(w.server, legacy).get('/auth/me')).status).toBe(200);
      await w.admin.patch(`/users/${u.id}`, { role: 'analyst' });
      for (const token of [u.a.token!, legacy]) {
        for (const server of [w.server, b.server]) expect((await new ApiClient(server, token).get('/branches')).status).toBe(401);
      }
      // Even with the secret, a token claiming a version ahead of the user's is refused.
      const ahead = jwt.sign({ ...noVersion, ver: 99 }, process.env.JWT_SECRET!, { expiresIn: '1h' });
      expect((await new ApiClient(b.server, ahead).get('/branches')).status).toBe(401);
    });

    it('a process that lost its Redis subscription checks the database, and trusts its cache again once resubscribed', async () => {
      const versions = b.app.get(TokenVersions) as unknown as { subscriber: Redis; live: boolean };
      const u = await newUser();
      expect((await onB(u.a).get('/auth/me')).status).toBe(200); // cached on B
      versions.subscriber.disconnect(false); // as if Redis went away for B only: the message below is lost to B
      await until(() => !versions.live);
      await w.admin.patch(`/users/${u.id}`, { active: false });
      expectError(await onB(u.a).get('/auth/me'), 401, 'UNAUTHORIZED');

      await versions.subscriber.connect();
      await until(() => versions.live);
      const v = await newUser();
      expect((await onB(v.a).get('/auth/me')).status).toBe(200);
      await w.admin.patch(`/users/${v.id}`, { role: 'operator' });
      expectError(await onB(v.a).get('/auth/me'), 401, 'UNAUTHORIZED');
    });

    it('a user row deleted by hand leaves no usable token', async () => {
      const u = await newUser();
      await t.db.query(`DELETE FROM users WHERE id = $1`, [u.id]);
      expectError(await onB(u.a).get('/auth/me'), 401, 'UNAUTHORIZED');
    });
  });

  describe('login throttling per account', () => {
    const lockKey = (loginName: string) => `${t.queuePrefix}:login-throttle:{${createHash('sha256').update(loginName.toLowerCase()).digest('base64url').slice(0, 32)}}:lock`;
    /** Ends the current lockout, as if its time had passed. */
    const expireLock = (loginName: string) => redis.del(lockKey(loginName));

    it('after 5 failures from 5 addresses, answers 429 with Retry-After to the 6th address, even with the right password; other logins are not affected', async () => {
      const u = await newUser();
      for (let i = 1; i <= 5; i++) expect((await loginFrom(w.server, `203.0.113.${i}`, u.login, `wrong-guess-${i}`)).status).toBe(401);
      const locked = await loginFrom(w.server, '203.0.113.99', u.login.toUpperCase(), PASSWORD);
      expectError(locked, 429, 'RATE_LIMITED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // The same through the other process: the state is in Redis.
      expectError(await loginFrom(b.server, '203.0.113.100', u.login, PASSWORD), 429, 'RATE_LIMITED');
      // Someone else logs in as usual, from the same addresses.
      expect((await loginFrom(w.server, '203.0.113.1', 'controller.ala', PASSWORD)).status).toBe(200);
      // Tokens already issued are not affected by a lockout.
      expect((await u.a.get('/auth/me')).status).toBe(200);
    });

    it('locks for longer on each repeated lockout; a successful login resets it', async () => {
      const u = await newUser();
      const retryAfterAfterFiveFailures = async () => {
        for (let i = 0; i < 5; i++) expect((await loginFrom(w.server, `198.18.0.${i}`, u.login, 'wrong-guess-x')).status).toBe(401);
        const res = await loginFrom(w.server, '198.18.1.1', u.login, 'wrong-guess-x');
        expect(res.status).toBe(429);
        return Number(res.headers['retry-after']);
      };
      const first = await retryAfterAfterFiveFailures();
      await expireLock(u.login);
      const second = await retryAfterAfterFiveFailures();
      await expireLock(u.login);
      const third = await retryAfterAfterFiveFailures();
      expect(second).toBeGreaterThan(first * 1.9);
      expect(third).toBeGreaterThan(second * 1.9);

      await expireLock(u.login);
      expect((await loginFrom(w.server, '198.18.2.1', u.login, PASSWORD)).status).toBe(200);
      // Reset: four failures and a success, again and again, never lock.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++) expect((await loginFrom(w.server, '198.18.3.1', u.login, 'wrong-guess-y')).status).toBe(401);
        expect((await loginFrom(w.server, '198.18.3.1', u.login, PASSWORD)).status).toBe(200);
      }
      // And the next lockout is back to the first length.
      expect(await retryAfterAfterFiveFailures()).toBeLessThanOrEqual(first);
    });

    it('a burst of parallel guesses on two processes gets at most 5 password checks', async () => {
      const u = await newUser();
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => loginFrom(i % 2 ? b.server : w.server, `192.0.2.${i}`, u.login, `parallel-${i}`).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    });

    it('treats an unknown login like a known one', async () => {
      for (let i = 0; i < 5; i++) expect((await loginFrom(w.server, `192.0.2.${100 + i}`, 'no.such.user', 'guess-guess')).status).toBe(401);
      expect((await loginFrom(w.server, '192.0.2.200', 'no.such.user', 'guess-guess')).status).toBe(429);
    });
  });

  describe('queue dashboard credentials', () => {
    const basic = (loginName: string, password: string) => `Basic ${Buffer.from(`${loginName}:${password}`).toString('base64')}`;
    const dashboard = (authorization: string, ip = '100.64.0.1') => request(w.server).get('/admin/queues').set('X-Forwarded-For', ip).set('Authorization', authorization);

    it('answers 401 to any credentials that are not an active admin’s, right password or not', async () => {
      const operator = await newUser('operator', { branchId: w.branches.ala });
      const admin2 = await newUser('admin', {});
      const cases: [string, string][] = [
        ['an operator’s right password', basic(operator.login, PASSWORD)],
        ['an operator’s wrong password', basic(operator.login, 'wrong-password-1')],
        ['an operator’s token', `Bearer ${operator.a.token}`],
        ['an unknown login', basic('nobody.at.all', PASSWORD)],
        ['no colon', `Basic ${Buffer.from('admin').toString('base64')}`],
      ];
      for (const [label, authorization] of cases) {
        const res = await dashboard(authorization);
        expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 401, code: 'UNAUTHORIZED' });
        expect(res.headers['www-authenticate']).toContain('Basic');
      }
      expect((await dashboard(basic(admin2.login, PASSWORD))).status).toBe(200);
      expect((await dashboard(`Bearer ${admin2.a.token}`)).status).toBe(200);
      // A deactivated admin: neither the password nor the old token opens it.
      await w.admin.patch(`/users/${admin2.id}`, { active: false });
      expect((await dashboard(basic(admin2.login, PASSWORD))).status).toBe(401);
      expect((await dashboard(`Bearer ${admin2.a.token}`)).status).toBe(401);
    });

    it('throttles Basic credentials like logins: 5 failures lock the account for the API too', async () => {
      const admin3 = await newUser('admin', {});
      for (let i = 0; i < 5; i++) expect((await dashboard(basic(admin3.login, `wrong-password-${i}`), `100.64.1.${i}`)).status).toBe(401);
      const locked = await dashboard(basic(admin3.login, PASSWORD), '100.64.2.1');
      expectError(locked, 429, 'RATE_LIMITED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expectError(await loginFrom(w.server, '100.64.2.2', admin3.login, PASSWORD), 429, 'RATE_LIMITED');
    });
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
