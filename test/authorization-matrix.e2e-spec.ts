import request from 'supertest';
import { CalendarService } from '../src/calendar/calendar.service';
import { ApiClient, login } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, PASSWORD, World } from './support/world';
import { openApiDocument } from './support/openapi';

/**
 * The authorization matrix (issue 6.5): every endpoint × every role × an object in and out of the
 * caller's scope → the status API.md prescribes; and no list shows anything out of scope.
 *
 * The table below is data: a new endpoint is one more row. Every operation of the OpenAPI document
 * must have a row (the first test lists the ones that do not).
 *
 * Callers: the admin; an operator, a reception clerk, a controller and an analyst of the Almaty
 * city branch (ALA and its districts); an officer of the Almaty akimat; nobody (no token).
 * "In scope" is an object in the ALA subtree (for the officer: assigned to the Almaty akimat);
 * "out of scope" is the same kind of object in Astana.
 */
/** An import file with the header only: accepted, nothing to import. */
const IMPORT_HEADER = 'externalId,receivedOn,branchCode,categoryCode,channel,type,status\n';

type Role = 'admin' | 'operator' | 'reception' | 'controller' | 'agency_officer' | 'analyst' | 'anonymous';
type Scope = 'in' | 'out';
const ROLES: Role[] = ['admin', 'operator', 'reception', 'controller', 'agency_officer', 'analyst', 'anonymous'];
const STAFF: Role[] = ['admin', 'operator', 'reception', 'controller', 'agency_officer', 'analyst'];

interface Req {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Sent with this caller's token instead of the role's shared one (a call that revokes the caller's tokens). */
  as?: ApiClient;
  path: string;
  body?: object | string;
  /** Sent as this type (a CSV upload) instead of JSON. */
  contentType?: string;
}

interface Row {
  /** `METHOD /path` as in the OpenAPI document (without /api/v1). */
  op: string;
  /** Who may call it: 'public', or the roles (admin may always). */
  who: 'public' | Role[];
  /**
   * How scope shows for an allowed caller out of scope: 'object' → 404 (the object "does not exist"),
   * 'target' → 403 (the body names a branch the caller may not write to), 'none' → no difference.
   */
  scope: 'object' | 'target' | 'none';
  ok: 200 | 201 | 202 | 204;
  /** The request; `fresh` asks for a new object in the right state (the call is expected to succeed). */
  req: (s: Scope, fresh: boolean, role: Role) => Promise<Req>;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let clients: Record<Role, ApiClient>;
  let shared: Record<Scope, { appeal: { id: string; number: string; trackingCode?: string }; session: string; notification: number; call: string }>;
  let importId: string;
  let seq = 0;
  const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    // Every role and throwaway user signs in from one address: above the per-address login limit.
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    w = await buildWorld(t);
    extendTo = (await t.app.get(CalendarService).calendar()).nextWorkingDay(inAlmaty(40));
    const analyst = await w.admin.post('/users', { login: 'analyst.ala', password: PASSWORD, fullName: 'Analyst ALA', role: 'analyst', branchId: w.branches.ala });
    expect(analyst.status).toBe(201);
    clients = {
      admin: w.admin,
      operator: w.users.operatorAla,
      reception: w.users.receptionAla,
      controller: w.users.controllerAla,
      agency_officer: w.users.officerAlaAkimat,
      analyst: await login(w.server, 'analyst.ala', PASSWORD),
      anonymous: w.anonymous,
    };
    const portal = await w.anonymous.post('/portal/appeals', portalBody('in'));
    expect(portal.status).toBe(201);
    const inAppeal = await freshAppeal('in');
    const outAppeal = await freshAppeal('out');
    shared = {
      in: {
        appeal: { ...inAppeal, trackingCode: portal.body.trackingCode },
        session: await session('in'),
        notification: await notification(inAppeal.id, 'in'),
        call: await loggedCall('in'),
      },
      out: { appeal: outAppeal, session: await session('out'), notification: await notification(outAppeal.id, 'out'), call: await loggedCall('out') },
    };
    shared.in.appeal.number = portal.body.number;
    const upload = await w.admin.post('/admin/imports/appeals').set('Content-Type', 'text/csv').send(IMPORT_HEADER);
    expect(upload.status).toBe(202);
    importId = upload.body.id;
  }, 120_000);
  afterAll(() => t?.close());

  // ---------------------------------------------------------------- fixtures

  const branchOf = (s: Scope) => (s === 'in' ? w.branches.alaBos : w.branches.astEsl);
  const staffBody = (s: Scope) => ({ ...appealInput(w, { branchId: branchOf(s), categoryId: w.categories.housing }), channel: 'mail' });
  const portalBody = (s: Scope) => {
    const { receivedAt: _r, ...body } = appealInput(w, { branchId: branchOf(s), categoryId: w.categories.housing });
    return body;
  };
  const inAlmaty = (d: number) => new Date(Date.now() + d * 86_400_000 + 5 * 3_600_000).toISOString().slice(0, 10);
  /** A due date an extension may set: a working day about 40 days ahead (set once the app runs). */
  let extendTo = '';

  async function adminPost(path: string, body: object): Promise<request.Response> {
    const res = await w.admin.post(path, body);
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** A new appeal, routed by rule to the Almaty (in) or Astana (out) akimat, then moved to `state`. */
  async function freshAppeal(s: Scope, state: 'routed' | 'in_progress' | 'paused' | 'answered' = 'routed'): Promise<{ id: string; number: string }> {
    const { body } = await adminPost('/appeals', staffBody(s));
    const steps: [string, object][] = {
      routed: [],
      in_progress: [['accept', {}]],
      paused: [['accept', {}], ['pause', { reason: 'need documents' }]],
      answered: [['accept', {}], ['answer', { outcome: 'explained', text: 'Ответ' }]],
    }[state] as [string, object][];
    for (const [action, payload] of steps) await adminPost(`/appeals/${body.id}/${action}`, payload);
    return { id: body.id, number: body.number };
  }

  /** An overdue notice on the case, addressed to its branch and its agency (as the deadline worker writes it). */
  async function notification(appealId: string, s: Scope): Promise<number> {
    const [row] = await t.db.query(
      `INSERT INTO staff_notifications (effect_key, kind, appeal_id, branch_id, agency_id) VALUES ($1, 'overdue', $2, $3, $4) RETURNING id`,
      [`matrix.${appealId}`, appealId, branchOf(s), s === 'in' ? w.agencies.alaAkimat : w.agencies.astAkimat],
    );
    return row.id;
  }

  /** A call taken by an operator of the Almaty (in) or Astana (out) branch. */
  async function loggedCall(s: Scope): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO calls (branch_id, caller_phone, started_at, result) VALUES ($1, '+77011234567', now(), 'consultation') RETURNING id`,
      [s === 'in' ? w.branches.ala : w.branches.ast],
    );
    return row.id;
  }

  /** A portal path on a fresh case in `state`, by its number (lower case: any case matches) and tracking code. */
  async function citizenPath(s: Scope, state: 'paused' | 'answered', action: string): Promise<string> {
    const { id } = await freshAppeal(s, state);
    const [row] = await t.db.query(`SELECT number, tracking_code FROM appeals WHERE id = $1`, [id]);
    return `/portal/appeals/${row.number.toLowerCase()}/${action}?trackingCode=${row.tracking_code}`;
  }

  async function session(s: Scope): Promise<string> {
    const { body } = await adminPost('/receptions', receptionBody(s));
    return body.id;
  }

  const receptionBody = (s: Scope) => ({
    branchId: s === 'in' ? w.branches.ala : w.branches.ast,
    hostName: 'Депутат маслихата',
    hostType: 'maslikhat_deputy',
    startsAt: '2026-11-18T10:00:00+05:00',
    format: 'in_person',
  });

  /** A lifecycle action on a fresh appeal in `from` (when expected to succeed) or the shared one. */
  const action =
    (name: string, from: Parameters<typeof freshAppeal>[1], body: () => object = () => ({})) =>
    async (s: Scope, fresh: boolean): Promise<Req> => ({
      method: 'post',
      path: `/appeals/${fresh ? (await freshAppeal(s, from)).id : shared[s].appeal.id}/${name}`,
      body: body(),
    });

  /** A new user of the role, scoped like the role's shared caller, logged in: for calls that void the caller's tokens. */
  async function throwaway(role: Role): Promise<ApiClient> {
    const loginName = `tmp.${unique().toLowerCase()}`;
    const scope = role === 'admin' ? {} : role === 'agency_officer' ? { agencyId: w.agencies.alaAkimat } : { branchId: w.branches.ala };
    await adminPost('/users', { login: loginName, password: PASSWORD, fullName: 'Temporary', role, ...scope });
    return login(w.server, loginName, PASSWORD);
  }

  /** A new controller to change. */
  const freshUser = async (): Promise<string> =>
    (await adminPost('/users', { login: `u.${unique().toLowerCase()}`, password: PASSWORD, fullName: 'To change', role: 'controller', branchId: w.branches.ala })).body.id;

  // ---------------------------------------------------------------- the table

  const CASE_READERS: Role[] = ['operator', 'reception', 'controller', 'agency_officer'];
  const ROWS: Row[] = [
    { op: 'GET /health', who: 'public', scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/health' }) },
    { op: 'POST /auth/login', who: 'public', scope: 'none', ok: 200, req: async () => ({ method: 'post', path: '/auth/login', body: { login: 'controller.ala', password: PASSWORD } }) },

    { op: 'POST /users', who: [], scope: 'none', ok: 201, req: async () => ({ method: 'post', path: '/users', body: { login: `u.${unique().toLowerCase()}`, password: PASSWORD, fullName: 'New', role: 'controller', branchId: w.branches.ala } }) },
    { op: 'GET /users', who: [], scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/users?role=controller&active=true' }) },
    { op: 'PATCH /users/{id}', who: [], scope: 'none', ok: 200, req: async () => ({ method: 'patch', path: `/users/${await freshUser()}`, body: { fullName: 'Renamed' } }) },
    { op: 'POST /users/{id}/password', who: [], scope: 'none', ok: 204, req: async () => ({ method: 'post', path: `/users/${await freshUser()}/password`, body: { password: 'another-pass-phrase' } }) },
    { op: 'GET /auth/me', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/auth/me' }) },
    {
      op: 'POST /auth/password',
      who: STAFF,
      scope: 'none',
      ok: 204,
      req: async (_s, fresh, role) => ({
        method: 'post',
        path: '/auth/password',
        body: { currentPassword: PASSWORD, newPassword: 'another-pass-phrase' },
        as: fresh && role !== 'anonymous' ? await throwaway(role) : undefined,
      }),
    },

    { op: 'POST /branches', who: [], scope: 'none', ok: 201, req: async () => ({ method: 'post', path: '/branches', body: { code: `B${unique()}`, name: 'Филиал', level: 'district', parentId: w.branches.ala } }) },
    { op: 'GET /branches', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/branches' }) },
    { op: 'POST /agencies', who: [], scope: 'none', ok: 201, req: async () => ({ method: 'post', path: '/agencies', body: { code: `A${unique()}`, name: 'Ведомство' } }) },
    { op: 'GET /agencies', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/agencies' }) },
    { op: 'POST /categories', who: [], scope: 'none', ok: 201, req: async () => ({ method: 'post', path: '/categories', body: { code: `C${unique()}`, names: { kk: 'a', ru: 'б', en: 'c' } } }) },
    { op: 'GET /categories', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/categories' }) },
    {
      op: 'POST /routing-rules',
      who: [],
      scope: 'none',
      ok: 201,
      req: async (s) => ({
        method: 'post',
        path: '/routing-rules',
        body: { categoryId: w.categories.other, agencyId: w.agencies.minHealth, branchId: s === 'in' ? w.branches.alaAlm : w.branches.astEsl },
      }),
    },
    { op: 'GET /routing-rules', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/routing-rules' }) },
    {
      op: 'GET /routing-rules/resolve',
      who: STAFF,
      scope: 'none',
      ok: 200,
      req: async () => ({ method: 'get', path: `/routing-rules/resolve?categoryId=${w.categories.housingRepair}&branchId=${w.branches.alaBos}` }),
    },
    { op: 'GET /calendar', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/calendar?from=2026-01-01&to=2026-12-31' }) },
    { op: 'GET /calendar/due-date', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/calendar/due-date?from=2026-11-20&workdays=15' }) },
    { op: 'GET /calendar/days/{date}/impact', who: [], scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/calendar/days/2027-12-29/impact' }) },
    { op: 'PUT /calendar/days/{date}', who: [], scope: 'none', ok: 200, req: async () => ({ method: 'put', path: '/calendar/days/2027-12-30', body: { kind: 'holiday', name: 'Matrix' } }) },
    { op: 'DELETE /calendar/days/{date}', who: [], scope: 'none', ok: 204, req: async () => ({ method: 'delete', path: '/calendar/days/2027-12-30' }) },

    { op: 'POST /portal/appeals', who: 'public', scope: 'none', ok: 201, req: async (s) => ({ method: 'post', path: '/portal/appeals', body: portalBody(s) }) },
    {
      op: 'GET /portal/appeals/{number}',
      who: 'public',
      scope: 'none',
      ok: 200,
      req: async () => ({ method: 'get', path: `/portal/appeals/${shared.in.appeal.number}?trackingCode=${shared.in.appeal.trackingCode}` }),
    },
    { op: 'GET /portal/reference', who: 'public', scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/portal/reference' }) },
    {
      op: 'POST /portal/appeals/{number}/clarification',
      who: 'public',
      scope: 'none',
      ok: 201,
      req: async (s) => ({ method: 'post', path: await citizenPath(s, 'paused', 'clarification'), body: { text: 'Документы приложены' } }),
    },
    {
      op: 'POST /portal/appeals/{number}/feedback',
      who: 'public',
      scope: 'none',
      ok: 201,
      req: async (s) => ({ method: 'post', path: await citizenPath(s, 'answered', 'feedback'), body: { satisfied: true } }),
    },

    { op: 'POST /appeals', who: ['operator', 'reception', 'controller'], scope: 'target', ok: 201, req: async (s) => ({ method: 'post', path: '/appeals', body: staffBody(s) }) },
    { op: 'GET /appeals', who: CASE_READERS, scope: 'none', ok: 200, req: async (s) => ({ method: 'get', path: `/appeals?branchId=${branchOf(s)}` }) },
    { op: 'GET /appeals/{id}', who: CASE_READERS, scope: 'object', ok: 200, req: async (s) => ({ method: 'get', path: `/appeals/${shared[s].appeal.id}` }) },
    { op: 'GET /appeals/{id}/events', who: CASE_READERS, scope: 'object', ok: 200, req: async (s) => ({ method: 'get', path: `/appeals/${shared[s].appeal.id}/events` }) },

    { op: 'POST /appeals/{id}/route', who: ['controller'], scope: 'object', ok: 200, req: action('route', 'routed', () => ({ agencyId: w.agencies.minConstruction })) },
    { op: 'POST /appeals/{id}/accept', who: ['agency_officer'], scope: 'object', ok: 200, req: action('accept', 'routed') },
    { op: 'POST /appeals/{id}/return', who: ['agency_officer'], scope: 'object', ok: 200, req: action('return', 'routed', () => ({ reason: 'not ours' })) },
    { op: 'POST /appeals/{id}/pause', who: ['agency_officer'], scope: 'object', ok: 200, req: action('pause', 'in_progress', () => ({ reason: 'need documents' })) },
    { op: 'POST /appeals/{id}/resume', who: ['agency_officer'], scope: 'object', ok: 200, req: action('resume', 'paused') },
    { op: 'POST /appeals/{id}/extend', who: ['controller'], scope: 'object', ok: 200, req: action('extend', 'routed', () => ({ dueDate: extendTo, reason: 'inspection' })) },
    { op: 'POST /appeals/{id}/answer', who: ['agency_officer'], scope: 'object', ok: 200, req: action('answer', 'in_progress', () => ({ outcome: 'positive', text: 'Отремонтировано' })) },
    { op: 'POST /appeals/{id}/close', who: ['controller'], scope: 'object', ok: 200, req: action('close', 'answered') },
    { op: 'POST /appeals/{id}/reopen', who: ['controller'], scope: 'object', ok: 200, req: action('reopen', 'answered', () => ({ reason: 'incomplete answer' })) },
    { op: 'POST /appeals/{id}/withdraw', who: ['operator', 'controller'], scope: 'object', ok: 200, req: action('withdraw', 'routed', () => ({ reason: 'by the applicant' })) },

    {
      op: 'POST /call-centre/calls',
      who: ['operator'],
      scope: 'target',
      ok: 201,
      req: async (s) => ({ method: 'post', path: '/call-centre/calls', body: { callerPhone: '+77011234567', startedAt: '2026-11-19T12:00:00+05:00', result: 'appeal', appeal: portalBody(s) } }),
    },
    { op: 'GET /call-centre/calls', who: ['operator', 'controller'], scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/call-centre/calls' }) },
    { op: 'GET /call-centre/calls/{id}', who: ['operator', 'controller'], scope: 'object', ok: 200, req: async (s) => ({ method: 'get', path: `/call-centre/calls/${shared[s].call}` }) },
    { op: 'GET /receptions/{id}', who: ['reception', 'controller', 'operator'], scope: 'object', ok: 200, req: async (s) => ({ method: 'get', path: `/receptions/${shared[s].session}` }) },
    {
      op: 'PATCH /receptions/{id}',
      who: ['reception', 'controller'],
      scope: 'object',
      ok: 200,
      req: async (s) => ({ method: 'patch', path: `/receptions/${shared[s].session}`, body: { endsAt: '2026-11-18T13:00:00+05:00', hostName: 'Депутат маслихата' } }),
    },
    { op: 'POST /receptions', who: ['reception', 'controller'], scope: 'target', ok: 201, req: async (s) => ({ method: 'post', path: '/receptions', body: receptionBody(s) }) },
    {
      op: 'GET /receptions',
      who: ['reception', 'controller', 'operator', 'analyst'],
      scope: 'none',
      ok: 200,
      req: async (s) => ({ method: 'get', path: `/receptions?branchId=${s === 'in' ? w.branches.ala : w.branches.ast}` }),
    },
    {
      op: 'POST /receptions/{id}/visits',
      who: ['reception', 'controller'],
      scope: 'object',
      ok: 201,
      req: async (s) => ({
        method: 'post',
        path: `/receptions/${shared[s].session}/visits`,
        body: { visitor: { fullName: 'Гость' }, result: 'appeal', appeal: portalBody(s) },
      }),
    },

    { op: 'GET /deadlines/overdue', who: CASE_READERS, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/deadlines/overdue' }) },
    { op: 'GET /deadlines/upcoming', who: CASE_READERS, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/deadlines/upcoming?workdays=5' }) },
    { op: 'GET /deadlines/stats', who: CASE_READERS, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/deadlines/stats' }) },
    { op: 'GET /appeals/{id}/deadline', who: CASE_READERS, scope: 'object', ok: 200, req: async (s) => ({ method: 'get', path: `/appeals/${shared[s].appeal.id}/deadline` }) },
    { op: 'GET /staff-notifications', who: CASE_READERS, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/staff-notifications' }) },
    { op: 'POST /staff-notifications/{id}/read', who: CASE_READERS, scope: 'object', ok: 200, req: async (s) => ({ method: 'post', path: `/staff-notifications/${shared[s].notification}/read` }) },
    { op: 'GET /deadline-policies', who: STAFF, scope: 'none', ok: 200, req: async () => ({ method: 'get', path: '/deadline-policies' }) },
    {
      op: 'PUT /deadline-policies/{type}',
      who: [],
      scope: 'none',
      ok: 200,
      req: async () => ({ method: 'put', path: '/deadline-policies/report', body: { decisionWorkdays: 15, forwardingWorkdays: 3, reminderLeadWorkdays: 2, escalationWorkdays: [3, 10], restartOnTransfer: false } }),
    },

    {
      op: 'GET /reports/resolution',
      who: ['analyst', 'controller'],
      scope: 'object',
      ok: 200,
      req: async (s) => ({ method: 'get', path: `/reports/resolution?from=2026-01-01&to=2026-12-31&branchId=${s === 'in' ? w.branches.ala : w.branches.ast}` }),
    },
    {
      op: 'GET /reports/receptions',
      who: ['analyst', 'controller'],
      scope: 'object',
      ok: 200,
      req: async (s) => ({ method: 'get', path: `/reports/receptions?from=2026-01-01&to=2026-12-31&branchId=${s === 'in' ? w.branches.ala : w.branches.ast}` }),
    },
    { op: 'POST /admin/imports/appeals', who: [], scope: 'none', ok: 202, req: async () => ({ method: 'post', path: '/admin/imports/appeals', body: IMPORT_HEADER, contentType: 'text/csv' }) },
    { op: 'GET /admin/imports/{id}', who: [], scope: 'none', ok: 200, req: async () => ({ method: 'get', path: `/admin/imports/${importId}` }) },
  ];

  function expected(row: Row, role: Role, s: Scope): number {
    if (row.who === 'public') return row.ok;
    if (role === 'anonymous') return 401;
    if (role === 'admin') return row.ok;
    if (!row.who.includes(role)) return 403;
    if (s === 'out' && row.scope === 'object') return 404;
    if (s === 'out' && row.scope === 'target') return 403;
    return row.ok;
  }

  async function call(role: Role, r: Req): Promise<request.Response> {
    const c = r.as ?? clients[role];
    if (r.contentType) return c.post(r.path).set('Content-Type', r.contentType).send(r.body as string);
    return r.method === 'get' ? c.get(r.path) : r.method === 'delete' ? c.delete(r.path) : r.method === 'put' ? c.put(r.path, r.body as object) : r.method === 'patch' ? c.patch(r.path, r.body as object) : c.post(r.path, r.body ?? {});
  }

  it('has a row for every operation of the OpenAPI document', async () => {
    const doc = openApiDocument();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`));
    expect(documented.filter((op) => !ROWS.some((r) => r.op === op))).toEqual([]);
  });

  it('gives every endpoint × role × scope the status of the contract', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of ROWS) {
      for (const role of ROLES) {
        for (const s of ['in', 'out'] as Scope[]) {
          const want = expected(row, role, s);
          const res = await call(role, await row.req(s, want < 300, role));
          cells++;
          const codeFor: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
          const bodyOk = want < 300 || (res.body?.statusCode === want && res.body?.code === codeFor[want]);
          if (res.status !== want || !bodyOk) mismatches.push(`${row.op} as ${role} (${s} of scope): want ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(ROWS.length * ROLES.length * 2);
  }, 300_000);

  describe('lists never show what is out of scope', () => {
    /** Every item of a list endpoint: a plain array, or every page of a paged one. */
    async function all(c: ApiClient, path: string): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      const paged = path.startsWith('/appeals');
      for (let page = 1; ; page++) {
        const res = await c.get(paged ? `${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}` : path);
        expect(res.status).toBe(200);
        const batch = Array.isArray(res.body) ? res.body : res.body.items;
        items.push(...batch);
        if (Array.isArray(res.body) || items.length >= res.body.total || batch.length === 0) return items;
      }
    }

    let alaBranches: string[];
    let outOfScope: string[];
    beforeAll(async () => {
      alaBranches = [w.branches.ala, w.branches.alaBos, w.branches.alaAlm];
      // What the matrix left in Astana: appeals (all channels), sessions, visits.
      const rows: { id: string }[] = await t.db.query(
        `SELECT a.id::text AS id FROM appeals a WHERE a.branch_id = ANY($1)
         UNION ALL SELECT a.number FROM appeals a WHERE a.branch_id = ANY($1)
         UNION ALL SELECT s.id::text FROM reception_sessions s WHERE s.branch_id = ANY($1)`,
        [[w.branches.ast, w.branches.astEsl]],
      );
      outOfScope = rows.map((r) => r.id);
      expect(outOfScope.length).toBeGreaterThan(10);
    });


    // An appeal registered in Almaty by an applicant who appealed in Astana on the same category
    // is not linked to the Astana case: repeats are looked up within the region only.
    it('does not reveal an out-of-scope earlier appeal through repeatOfId', async () => {
      const astana = await freshAppeal('out');
      const almaty = await freshAppeal('in');
      const seen = await clients.controller.get(`/appeals/${almaty.id}`);
      const events = await clients.controller.get(`/appeals/${almaty.id}/events`);
      expect(JSON.stringify([seen.body, events.body])).not.toContain(astana.id);
    });

    it.each(['operator', 'reception', 'controller'] as Role[])('GET /appeals as the ALA %s: ALA appeals only, with or without filters', async (role) => {
      for (const query of ['', `branchId=${w.branches.ast}`, `branchId=${w.branches.kz}`, `agencyId=${w.agencies.astAkimat}`, 'status=routed']) {
        const items = await all(clients[role], `/appeals?${query}`);
        for (const a of items) expect({ query, branchId: a.branchId, inScope: alaBranches.includes(a.branchId as string) }).toMatchObject({ inScope: true });
        const text = JSON.stringify(items);
        for (const id of outOfScope) expect(text).not.toContain(id);
      }
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM appeals WHERE branch_id = ANY($1)`, [alaBranches]);
      expect((await all(clients[role], '/appeals')).length).toBe(count);
    });

    it('GET /appeals as the Almaty akimat officer: the akimat’s appeals only', async () => {
      for (const query of ['', `branchId=${w.branches.ast}`, `agencyId=${w.agencies.astAkimat}`]) {
        const items = await all(clients.agency_officer, `/appeals?${query}`);
        for (const a of items) expect(a.agencyId).toBe(w.agencies.alaAkimat);
        const text = JSON.stringify(items);
        for (const id of outOfScope) expect(text).not.toContain(id);
      }
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM appeals WHERE agency_id = $1`, [w.agencies.alaAkimat]);
      expect((await all(clients.agency_officer, '/appeals')).length).toBe(count);
    });

    it.each(['controller', 'analyst'] as Role[])('reports as the ALA %s: Almaty figures only, whatever the grouping or the branch asked for', async (role) => {
      const [{ appeals }] = await t.db.query(`SELECT count(*)::int AS appeals FROM appeals WHERE branch_id = ANY($1)`, [alaBranches]);
      const [{ sessions }] = await t.db.query(`SELECT count(*)::int AS sessions FROM reception_sessions WHERE branch_id = ANY($1)`, [alaBranches]);
      const astana = [w.branches.ast, w.branches.astEsl, ...outOfScope];
      const window = 'from=2012-01-01&to=2035-12-31';
      for (const groupBy of ['branch', 'channel', 'category', 'agency', 'none']) {
        const res = await clients[role].get(`/reports/resolution?${window}&groupBy=${groupBy}&interval=year`);
        expect(res.status).toBe(200);
        expect({ groupBy, received: res.body.totals.received }).toEqual({ groupBy, received: appeals });
        const text = JSON.stringify(res.body);
        for (const id of astana) expect(text).not.toContain(id);
      }
      for (const groupBy of ['hostType', 'branch']) {
        const res = await clients[role].get(`/reports/receptions?${window}&groupBy=${groupBy}`);
        expect(res.status).toBe(200);
        expect({ groupBy, sessions: res.body.totals.sessions }).toEqual({ groupBy, sessions });
        const text = JSON.stringify(res.body);
        for (const id of astana) expect(text).not.toContain(id);
      }
      // Asking for Astana or for the whole country is refused, not answered with a smaller figure.
      for (const branchId of [w.branches.ast, w.branches.kz]) {
        expect((await clients[role].get(`/reports/resolution?${window}&branchId=${branchId}`)).status).toBe(404);
      }
    });

    it.each(['operator', 'controller', 'agency_officer'] as Role[])('deadline lists and stats as the ALA %s: nothing from Astana', async (role) => {
      for (const path of ['/deadlines/overdue?pageSize=200', '/deadlines/upcoming?workdays=60&pageSize=200', '/deadlines/stats', '/staff-notifications?pageSize=200']) {
        const res = await clients[role].get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const text = JSON.stringify(res.body);
        for (const id of [w.branches.ast, w.branches.astEsl, ...outOfScope]) expect({ path, leaked: text.includes(id) ? id : null }).toEqual({ path, leaked: null });
      }
      // The list is not empty because of the scope: the open Almaty cases are there.
      const upcoming = await clients[role].get('/deadlines/upcoming?workdays=60&pageSize=200');
      expect(upcoming.body.total).toBeGreaterThan(0);
    });

    it.each(['operator', 'reception', 'controller', 'analyst'] as Role[])('GET /receptions as the ALA %s: ALA sessions only', async (role) => {
      for (const query of ['', `branchId=${w.branches.ast}`, `branchId=${w.branches.kz}`]) {
        const items = await all(clients[role], `/receptions?${query}`);
        for (const r of items) expect(alaBranches).toContain(r.branchId);
        const text = JSON.stringify(items);
        for (const id of outOfScope) expect(text).not.toContain(id);
      }
      expect((await all(clients[role], '/receptions')).map((r) => r.id)).toContain(shared.in.session);
    });
  });
});
