import fc from 'fast-check';
import request from 'supertest';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';
import { openApiDocument } from './support/openapi';

/**
 * Hostile input (issue 6.5): fast-check throws generated bodies, query strings, path parameters and
 * headers at every operation of the app's own OpenAPI document (so endpoints added later are fuzzed
 * too), as every role and with no or a forged token, and asserts:
 *   - never a 5xx;
 *   - every 4xx carries the contract's error body (`statusCode` = the HTTP status, `code`, `message`,
 *     and `details: [{field, code, message}]` for VALIDATION_FAILED);
 *   - a rejected write changes no row in any table.
 *
 * The normal suite runs FUZZ_RUNS=1500 requests in all; the documented long run is
 * `FUZZ_RUNS=30000 bash scripts/test.sh test/fuzz.e2e-spec.ts` (FUZZ_SEED replays a run).
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

interface Operation {
  method: string;
  path: string; // as in the document: /api/v1/appeals/{id}/route
  pathParams: string[];
  queryParams: string[];
}

interface FuzzRequest {
  pathValues: Record<string, string>;
  query: string;
  auth: string | undefined;
  headers: Record<string, string>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string } | { kind: 'none' };
}

describe('hostile input (property-based fuzzing of every endpoint)', () => {
  let t: TestApp;
  let w: World;
  let operations: Operation[];
  let fixtures: { ids: string[]; numbers: string[]; tokens: (string | undefined)[] };
  let snapshotSql: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method,
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );

    // Objects the path parameters can hit: in and out of the callers' scopes, of every kind.
    const ala = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' });
    const ast = await w.admin.post('/appeals', { ...appealInput(w, { branchId: w.branches.astEsl, categoryId: w.categories.housing }), channel: 'mail' });
    const session = await w.admin.post('/receptions', {
      branchId: w.branches.ala,
      hostName: 'Депутат маслихата',
      hostType: 'maslikhat_deputy',
      startsAt: '2026-11-18T10:00:00+05:00',
      format: 'in_person',
    });
    for (const res of [ala, ast, session]) expect(res.status).toBe(201);
    fixtures = {
      ids: [ala.body.id, ast.body.id, session.body.id, ...Object.values(w.branches), ...Object.values(w.agencies), ...Object.values(w.categories)],
      numbers: [ala.body.number, ast.body.number],
      tokens: [undefined, w.admin.token, ...Object.values(w.users).map((c: ApiClient) => c.token)],
    };

    // Every table of the schema; the appeals' versions catch a rejected transition that still bumped one.
    const tables: { name: string }[] = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    snapshotSql = `SELECT ${tables.map((r) => `(SELECT count(*) FROM "${r.name}")::int AS "${r.name}"`).join(', ')},
                          (SELECT coalesce(sum(version), 0) FROM appeals)::int AS "appeals.version"`;
  }, 120_000);
  afterAll(() => t?.close());

  it('finds the contract’s operations in the OpenAPI document', () => {
    const keys = operations.map((o) => `${o.method} ${o.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'post /api/v1/appeals',
        'get /api/v1/appeals',
        'get /api/v1/appeals/{id}',
        'post /api/v1/appeals/{id}/route',
        'post /api/v1/portal/appeals',
        'get /api/v1/portal/appeals/{number}',
        'post /api/v1/call-centre/calls',
        'post /api/v1/receptions/{id}/visits',
        'put /api/v1/calendar/days/{date}',
        'post /api/v1/auth/login',
        'post /api/v1/users',
      ]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  // Bugs this fuzzing found, pinned as plain examples.
  describe('found by fuzzing', () => {
    const expectContractError = (res: request.Response, status: number, code: string) => {
      expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, code, message: expect.any(String) } });
      if (code === 'VALIDATION_FAILED') expect(res.body.details).toEqual([{ field: expect.any(String), code: expect.any(String), message: expect.any(String) }]);
    };

    it('a body nested 100,000 levels deep → 400, not a stack overflow (500)', async () => {
      const body = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
      for (const path of ['/api/v1/auth/login', '/api/v1/appeals']) {
        const res = await t.http().post(path).set('Authorization', `Bearer ${w.admin.token}`).set('Content-Type', 'application/json').send(body);
        expectContractError(res, 400, 'VALIDATION_FAILED');
      }
      const nested = appealInput(w, { applicant: { fullName: 'x', extra: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) } });
      expectContractError(await w.admin.post('/appeals', { ...nested, channel: 'mail' }), 400, 'VALIDATION_FAILED');
    });

    it('a path parameter Express cannot decode → 400 with details', async () => {
      expectContractError(await t.http().put('/api/v1/calendar/days/%').set('Authorization', `Bearer ${w.admin.token}`).send({ kind: 'holiday' }), 400, 'VALIDATION_FAILED');
    });

    it('headers over 16 KB → 431 in the contract’s error body (Node answered with an empty body)', async () => {
      const res = await t.http().get('/api/v1/health').set('X-Big', 'x'.repeat(20_000));
      expectContractError(res, 431, 'HEADERS_TOO_LARGE');
    });
  });

  // ---------------------------------------------------------------- generators

  const HOSTILE_STRINGS = [
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\uDBFF\uDBFF',
    '\u202Eevil\u202C',
    '\u200B\u200D\uFEFF',
    'e\u0301\u0301\u0301\u0301',
    '👨‍👩‍👧‍👦🇰🇿❤️',
    'Қазақстан Республикасы',
    'Ω≈ç√∫',
    "'; DROP TABLE appeals; --",
    '<script>alert(1)</script>',
    '{{7*7}}${7*7}',
    '../../etc/passwd',
    '%00',
    '%',
    'null',
    'undefined',
    'true',
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '9007199254740993',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-11-20T10:00:00+25:00',
    '921029350850',
    '+7 (701) 123-45-67',
    '+77011234567',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ];

  const hostileString = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 20_000 }).map((n) => 'Ж'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => 'e\u0301'.repeat(n)) },
  );

  const hostileScalar = fc.oneof(
    { weight: 6, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 100001, 2, 10000) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  );

  const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: hostileScalar },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), { maxKeys: 4 }) },
    ),
  })).value;

  /** `{"__proto__": ...}` as an own key, the way JSON.parse on the server sees it. */
  const withOwnKey = (obj: unknown, key: string, value: unknown): unknown => {
    const copy = JSON.parse(JSON.stringify(obj ?? {}));
    if (copy && typeof copy === 'object' && !Array.isArray(copy)) {
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };

  /** Valid bodies to mutate, so the fuzzing gets past the first check of each endpoint. */
  function validBodies(op: Operation): unknown[] {
    const appeal = appealInput(w);
    const { receivedAt: _r, ...portal } = appeal;
    const reception = { branchId: w.branches.ala, hostName: 'Депутат', hostType: 'majilis_deputy', startsAt: '2026-11-18T10:00:00+05:00', format: 'mobile' };
    const byPath: Record<string, unknown[]> = {
      'post /api/v1/appeals': [{ ...appeal, channel: 'mail' }, { ...appeal, channel: 'public_office', anonymous: true, applicant: undefined, collective: { signatories: 3 } }],
      'post /api/v1/portal/appeals': [portal],
      'post /api/v1/call-centre/calls': [{ callerPhone: '+77011234567', startedAt: '2026-11-19T12:00:00+05:00', result: 'appeal', appeal: portal }],
      'post /api/v1/receptions': [reception],
      'post /api/v1/receptions/{id}/visits': [{ visitor: { fullName: 'Гость', iin: '921029350851' }, result: 'appeal', appeal: portal }],
      'post /api/v1/users': [{ login: 'fuzz.user', password: 'password-123', fullName: 'Fuzz', role: 'controller', branchId: w.branches.ala }],
      'post /api/v1/branches': [{ code: 'FZ', name: 'Fuzz', level: 'regional', parentId: w.branches.kz }],
      'post /api/v1/agencies': [{ code: 'FZ-AG', name: 'Fuzz agency', branchId: w.branches.ala }],
      'post /api/v1/categories': [{ code: 'FZ', names: { kk: 'a', ru: 'b', en: 'c' }, parentId: w.categories.housing }],
      'post /api/v1/routing-rules': [{ categoryId: w.categories.other, agencyId: w.agencies.minHealth, branchId: w.branches.ast, priority: 1 }],
      'put /api/v1/calendar/days/{date}': [{ kind: 'holiday', name: 'Fuzz' }],
      'post /api/v1/auth/login': [{ login: 'admin', password: 'wrong-password' }],
      'post /api/v1/appeals/{id}/route': [{ agencyId: w.agencies.alaAkimat, reason: 'fuzz', expectedVersion: 1 }],
      'post /api/v1/appeals/{id}/return': [{ reason: 'fuzz' }],
      'post /api/v1/appeals/{id}/pause': [{ reason: 'fuzz' }],
      'post /api/v1/appeals/{id}/extend': [{ dueDate: '2026-12-30', reason: 'fuzz' }],
      'post /api/v1/appeals/{id}/answer': [{ outcome: 'positive', text: 'fuzz' }],
      'post /api/v1/appeals/{id}/reopen': [{ reason: 'fuzz' }],
      'post /api/v1/appeals/{id}/withdraw': [{ reason: 'fuzz' }],
    };
    return byPath[`${op.method} ${op.path}`] ?? [{}];
  }

  /** A valid body with one (possibly nested) field replaced, removed or added. */
  function mutated(op: Operation): fc.Arbitrary<unknown> {
    return fc
      .tuple(fc.constantFrom(...validBodies(op)), fc.nat(), hostileValue, fc.constantFrom('replace', 'delete', 'add', 'proto', 'wrap'))
      .map(([base, pick, value, how]) => {
        const body = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        const containers: Record<string, unknown>[] = [body];
        for (const v of Object.values(body)) if (v && typeof v === 'object' && !Array.isArray(v)) containers.push(v as Record<string, unknown>);
        const target = containers[pick % containers.length];
        const keys = Object.keys(target);
        const key = keys.length ? keys[pick % keys.length] : 'x';
        if (how === 'replace') target[key] = value;
        else if (how === 'delete') delete target[key];
        else if (how === 'add') target[`extra_${pick % 7}`] = value;
        else if (how === 'wrap') target[key] = [target[key]];
        else return withOwnKey(body, pick % 2 ? '__proto__' : 'constructor', { role: 'admin', isAdmin: true, polluted: value });
        return body;
      });
  }

  const deep = (open: string, close: string, leaf: string) => (n: number) => open.repeat(n) + leaf + close.repeat(n);

  function bodyArbitrary(op: Operation): fc.Arbitrary<FuzzRequest['body']> {
    const json = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ kind: 'json' as const, value }));
    const raw = (a: fc.Arbitrary<string>, contentType = 'application/json') => a.map((text) => ({ kind: 'raw' as const, contentType, text }));
    return fc.oneof(
      { weight: 8, arbitrary: json(mutated(op)) },
      { weight: 2, arbitrary: json(hostileValue) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      // Deeply nested JSON, up to the 1 MB limit and past it.
      { weight: 1, arbitrary: raw(fc.integer({ min: 1, max: 300_000 }).map(deep('[', ']', '1'))) },
      { weight: 1, arbitrary: raw(fc.integer({ min: 1, max: 120_000 }).map(deep('{"a":', '}', '1'))) },
      { weight: 1, arbitrary: raw(fc.integer({ min: 1, max: 5000 }).map((n) => JSON.stringify({ ...(validBodies(op)[0] as object), list: Array.from({ length: n }, (_, i) => ({ i })) }))) },
      // Oversized strings in a valid body.
      { weight: 1, arbitrary: json(fc.integer({ min: 10_000, max: 1_200_000 }).map((n) => ({ ...(validBodies(op)[0] as object), text: 'я'.repeat(n / 2) }))) },
      // Not JSON, or JSON the parser should refuse.
      { weight: 2, arbitrary: raw(fc.constantFrom('{', '{"a":}', '[1,]', 'nul', '"str"', '12', 'true', 'null', '\u0000', '{"a":"\\ud800"}', '{"a":1}{"b":2}', '\uFEFF{}')) },
      { weight: 1, arbitrary: raw(fc.string({ unit: 'binary', maxLength: 200 })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/vnd.api+json', 'multipart/form-data; boundary=x', 'application/xml', ''),
            fc.constantFrom(JSON.stringify(validBodies(op)[0]), 'a=1&b[c]=2', '<a/>', '--x\r\n\r\n--x--'),
          )
          .map(([contentType, text]) => ({ kind: 'raw' as const, contentType, text })),
      },
    );
  }

  /** Percent-encodes anything, lone surrogates included (as the bytes a broken client would send). */
  function encode(value: string): string {
    return Array.from(value)
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }

  function pathValueArbitrary(name: string): fc.Arbitrary<string> {
    const own = name === 'number' ? fixtures.numbers : name === 'date' ? ['2026-12-31', '2026-12-16', '2024-02-29'] : fixtures.ids;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...own).map(encode) },
      { weight: 1, arbitrary: fc.uuid().map(encode) },
      { weight: 2, arbitrary: hostileString.filter((s) => s !== '').map((s) => encode(s.slice(0, 1000))) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '..%2F..%2F', '%2e%2e', 'a%2Fb', '%C0%AF', '%FF') },
    );
  }

  function queryArbitrary(op: Operation): fc.Arbitrary<string> {
    const keyArb = fc.oneof(
      { weight: 4, arbitrary: op.queryParams.length ? fc.constantFrom(...op.queryParams) : fc.constant('page') },
      { weight: 1, arbitrary: fc.constantFrom('page', 'pageSize', '__proto__', 'constructor[prototype][x]', 'a[b][c]', 'status[]', 'branchId[0]') },
      { weight: 1, arbitrary: hostileString },
    );
    const valueArb = fc.oneof(
      { weight: 4, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.constantFrom(...fixtures.ids) },
      { weight: 1, arbitrary: fc.constantFrom('1', '0', '-1', '200', '201', '1.5', '1e3', '2026-11-20', 'registered', 'routed', 'branch') },
    );
    return fc
      .array(fc.tuple(keyArb, valueArb), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v]) => `${encode(k.slice(0, 100))}=${encode(v.slice(0, 1000))}`).join('&'));
  }

  /** Header values Node's client can send at all (no CR/LF, Latin-1). */
  const headerValue = fc.oneof(
    { weight: 8, arbitrary: hostileString.map((s) => s.slice(0, 2000).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')) },
    { weight: 2, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', '\t') },
    { weight: 1, arbitrary: fc.constant('x'.repeat(9000)) },
  );

  function requestArbitrary(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathValues = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValueArbitrary(p)])) as Record<string, fc.Arbitrary<string>>);
    const auth = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...fixtures.tokens).map((token) => (token ? `Bearer ${token}` : undefined)) },
      { weight: 1, arbitrary: headerValue },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...fixtures.tokens.filter(Boolean)).map((token) => `Bearer ${token!.slice(0, -3)}${token!.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`),
      },
    );
    const headers = fc.dictionary(
      fc.constantFrom('Idempotency-Key', 'X-Forwarded-For', 'Accept', 'Accept-Language', 'X-Request-Id', 'Origin', 'If-None-Match', 'Range', 'Content-Encoding'),
      headerValue,
      { maxKeys: 3 },
    );
    return fc.record({
      pathValues,
      query: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: queryArbitrary(op) }),
      auth,
      headers,
      body: WRITE_METHODS.has(op.method) ? bodyArbitrary(op) : fc.oneof({ weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: bodyArbitrary(op) }),
    });
  }

  // ---------------------------------------------------------------- the property

  async function send(op: Operation, r: FuzzRequest): Promise<request.Response | null> {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => r.pathValues[name]);
    const url = r.query ? `${path}?${r.query}` : path;
    let req = (t.http() as unknown as Record<string, (url: string) => request.Test>)[op.method](url);
    for (const [name, value] of Object.entries(r.headers)) req = req.set(name, value);
    if (r.auth !== undefined) req = req.set('Authorization', r.auth);
    if (r.body.kind === 'json') req = req.set('Content-Type', 'application/json').send(JSON.stringify(r.body.value) ?? 'null');
    else if (r.body.kind === 'raw') req = req.set('Content-Type', r.body.contentType).send(r.body.text);
    try {
      return await req;
    } catch (err) {
      // The client refused to send it (e.g. a header Node cannot encode): not a server answer.
      if (err instanceof Error && /Invalid character|ERR_INVALID|Parse Error|ECONNRESET|socket hang up/i.test(`${(err as { code?: string }).code} ${err.message}`)) {
        return null;
      }
      throw err;
    }
  }

  function contractViolation(res: request.Response): string | null {
    if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (res.status < 400) return null;
    const b = res.body as { statusCode?: unknown; code?: unknown; message?: unknown; details?: unknown };
    if (b?.statusCode !== res.status || typeof b.code !== 'string' || !b.code || typeof b.message !== 'string') {
      return `${res.status} without the contract's error body: ${JSON.stringify(res.body).slice(0, 300)} (${res.headers['content-type']})`;
    }
    if (b.code === 'VALIDATION_FAILED') {
      const ok =
        Array.isArray(b.details) &&
        b.details.length > 0 &&
        b.details.every(
          (d: { field?: unknown; code?: unknown; message?: unknown }) => typeof d?.field === 'string' && typeof d?.code === 'string' && !!d.code && typeof d?.message === 'string',
        );
      if (!ok) return `VALIDATION_FAILED without details [{field, code, message}]: ${JSON.stringify(res.body).slice(0, 300)}`;
    }
    return null;
  }

  const snapshot = async (): Promise<Record<string, number>> => (await t.db.query(snapshotSql))[0];

  it('never answers 5xx, always answers 4xx in the contract’s body, and writes nothing when it refuses', async () => {
    const runsPerOperation = Math.max(10, Math.ceil(TOTAL_RUNS / operations.length));
    const counts: Record<string, number> = {};
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op), async (r) => {
          const write = WRITE_METHODS.has(op.method);
          const before = write ? await snapshot() : null;
          const res = await send(op, r);
          if (!res) return;
          counts[res.status] = (counts[res.status] ?? 0) + 1;
          const violation = contractViolation(res);
          if (violation) throw new Error(`${op.method.toUpperCase()} ${op.path}: ${violation}`);
          if (write && res.status >= 400) {
            expect({ op: `${op.method} ${op.path}`, rows: await snapshot() }).toEqual({ op: `${op.method} ${op.path}`, rows: before });
          }
        }),
        { numRuns: runsPerOperation, seed: SEED },
      );
    }
    // The generators must reach past the first check: some requests succeed, most are refused.
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const ok = Object.entries(counts).filter(([s]) => Number(s) < 300).reduce((a, [, n]) => a + n, 0);
    process.stdout.write(`fuzz: ${total} requests over ${operations.length} operations, statuses ${JSON.stringify(counts)}\n`);
    expect(total).toBeGreaterThanOrEqual(operations.length * 10 * 0.9);
    expect(ok).toBeGreaterThan(0);
    expect(counts[400]).toBeGreaterThan(0);
  }, 3_600_000);
});
