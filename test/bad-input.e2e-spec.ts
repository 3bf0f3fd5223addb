import type { Response } from 'supertest';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, VALID_IINS, World } from './support/world';

/**
 * Every class of bad input a real client sends: a 4xx in the contract's error body naming the
 * failing field, never a 5xx, and nothing written.
 */
describe('bad input', () => {
  let t: TestApp;
  let w: World;
  let staff: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    staff = w.users.operatorAla;
  });
  afterAll(() => t?.close());

  // No response of any test in this file may be a 5xx.
  const seen: Response[] = [];
  const track = <R extends Response>(res: R): R => {
    seen.push(res);
    return res;
  };
  afterEach(() => {
    const failures = seen.splice(0).filter((r) => r.status >= 500);
    expect(failures.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
  });

  async function counts(): Promise<{ appeals: number; events: number; outbox: number }> {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*) FROM appeals)::int AS appeals,
              (SELECT count(*) FROM appeal_events)::int AS events,
              (SELECT count(*) FROM outbox)::int AS outbox`,
    );
    return row;
  }

  /** The contract's error body, with a detail naming `field`. */
  function expectError(res: Response, status: number, code: string, field?: string): void {
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, code, message: expect.any(String) } });
    if (field !== undefined) {
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, code: expect.any(String), message: expect.any(String) }]));
      for (const d of res.body.details) expect(Object.keys(d).sort()).toEqual(['code', 'field', 'message']);
    }
  }

  /** A copy of `body` with the dotted `path` set to `value` (undefined deletes it). */
  function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy = structuredClone(body);
    const keys = path.split('.');
    let node = copy as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
    return copy;
  }

  const staffBody = (overrides: Record<string, unknown> = {}) => ({ ...appealInput(w, overrides), channel: 'mail' });
  const portalBody = (overrides: Record<string, unknown> = {}) => appealInput(w, overrides);
  const future = () => new Date(Date.now() + 24 * 3600_000).toISOString();

  /** [description, path, value, field] applied to a valid staff body. */
  const staffCases: [string, string, unknown, string][] = [
    ['unknown top-level field', 'foo', 'bar', 'foo'],
    ['unknown nested field', 'applicant.foo', 'bar', 'applicant.foo'],
    ['unknown field inside collective', 'collective', { signatories: 5, names: ['a'] }, 'collective.names'],
    ['subject is a number', 'subject', 123, 'subject'],
    ['subject is an object', 'subject', { ru: 'x' }, 'subject'],
    ['text is an array', 'text', ['a', 'b'], 'text'],
    ['text is null', 'text', null, 'text'],
    ['anonymous is a string', 'anonymous', 'yes', 'anonymous'],
    ['anonymous is 1', 'anonymous', 1, 'anonymous'],
    ['signatories is a string', 'collective', { signatories: '5' }, 'collective.signatories'],
    ['signatories is a fraction', 'collective', { signatories: 2.5 }, 'collective.signatories'],
    ['collective is a number', 'collective', 5, 'collective'],
    ['applicant is a string', 'applicant', 'Серик', 'applicant'],
    ['applicant is an array', 'applicant', [{ fullName: 'Серик' }], 'applicant'],
    ['type not in the enum', 'type', 'petition', 'type'],
    ['type in the wrong case', 'type', 'Complaint', 'type'],
    ['channel not in the enum', 'channel', 'email', 'channel'],
    ['channel is missing', 'channel', undefined, 'channel'],
    ['language not in the enum', 'language', 'en', 'language'],
    ['language in upper case', 'language', 'KK', 'language'],
    ['categoryId not a UUID', 'categoryId', 'housing', 'categoryId'],
    ['branchId not a UUID', 'branchId', '12345', 'branchId'],
    ['branchId is a number', 'branchId', 12345, 'branchId'],
    ['categoryId missing', 'categoryId', undefined, 'categoryId'],
    ['IIN with a bad checksum', 'applicant.iin', '921029350852', 'applicant.iin'],
    ['IIN of 11 digits', 'applicant.iin', '92102935085', 'applicant.iin'],
    ['IIN of 13 digits', 'applicant.iin', '9210293508510', 'applicant.iin'],
    ['IIN with letters', 'applicant.iin', '92102935085a', 'applicant.iin'],
    ['IIN as a number', 'applicant.iin', 921029350851, 'applicant.iin'],
    ['IIN with an impossible birth date', 'applicant.iin', '921329350851', 'applicant.iin'],
    ['Russian mobile +7 9xx', 'applicant.phone', '+7 916 123 45 67', 'applicant.phone'],
    ['Russian landline +7 495', 'applicant.phone', '+74951234567', 'applicant.phone'],
    ['garbage phone', 'applicant.phone', 'call me maybe', 'applicant.phone'],
    ['too short phone', 'applicant.phone', '+7 701 123', 'applicant.phone'],
    ['phone with an extension', 'applicant.phone', '+7 701 123 45 67 ext. 12', 'applicant.phone'],
    ['phone as a number', 'applicant.phone', 77011234567, 'applicant.phone'],
    ['email without @', 'applicant.email', 'serik.example.kz', 'applicant.email'],
    ['email without a domain', 'applicant.email', 'serik@', 'applicant.email'],
    ['applicant without fullName', 'applicant.fullName', undefined, 'applicant.fullName'],
    ['blank fullName', 'applicant.fullName', '   ', 'applicant.fullName'],
    ['subject of 301 characters', 'subject', 'а'.repeat(301), 'subject'],
    ['empty subject', 'subject', '', 'subject'],
    ['blank subject', 'subject', '   ', 'subject'],
    ['subject missing', 'subject', undefined, 'subject'],
    ['text of 10001 characters', 'text', 'ә'.repeat(10001), 'text'],
    ['empty text', 'text', '', 'text'],
    ['receivedAt in the future', 'receivedAt', '__future__', 'receivedAt'],
    ['receivedAt malformed', 'receivedAt', 'yesterday', 'receivedAt'],
    ['receivedAt an impossible date', 'receivedAt', '2026-02-30T10:00:00+05:00', 'receivedAt'],
    ['receivedAt without an offset', 'receivedAt', '2026-11-20T10:00:00', 'receivedAt'],
    ['receivedAt a bare date', 'receivedAt', '2026-11-20', 'receivedAt'],
    ['receivedAt a number', 'receivedAt', 1763700000000, 'receivedAt'],
    ['receivedAt with an offset of +25:00', 'receivedAt', '2026-11-20T10:00:00+25:00', 'receivedAt'],
    ['receivedAt before 2000', 'receivedAt', '1999-12-31T23:00:00Z', 'receivedAt'],
    ['subject of 200 emoji with variation selectors (400 code points)', 'subject', '❤️'.repeat(200), 'subject'],
    ['text of 5001 emoji with variation selectors (10002 code points)', 'text', '❤️'.repeat(5001), 'text'],
    ['text with half of a surrogate pair', 'text', 'обрезано \uD83D', 'text'],
    ['signatories 1', 'collective', { signatories: 1 }, 'collective.signatories'],
    ['signatories 100001', 'collective', { signatories: 100001 }, 'collective.signatories'],
    ['signatories missing', 'collective', {}, 'collective.signatories'],
    ['anonymous with an applicant', 'anonymous', true, 'applicant'],
    ['applicant missing when not anonymous', 'applicant', undefined, 'applicant'],
    ['applicant null when not anonymous', 'applicant', null, 'applicant'],
  ];

  describe('POST /appeals (staff)', () => {
    it.each(staffCases)('%s → 400 naming the field, nothing written', async (_label, path, value, field) => {
      const body = withValue(staffBody(), path, value === '__future__' ? future() : value);
      const before = await counts();
      const res = track(await staff.post('/appeals', body));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      expect(await counts()).toEqual(before);
    });

    it('applicant missing with anonymous: false → 400 naming applicant', async () => {
      const before = await counts();
      const res = track(await staff.post('/appeals', withValue(staffBody({ anonymous: false }), 'applicant', undefined)));
      expectError(res, 400, 'VALIDATION_FAILED', 'applicant');
      expect(await counts()).toEqual(before);
    });

    it('names every failing field, not just the first', async () => {
      const res = track(await staff.post('/appeals', staffBody({ type: 'x', language: 'en', subject: '' })));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['language', 'subject', 'type']);
    });

    it.each([
      ['categoryId', () => ({ categoryId: '00000000-0000-4000-8000-000000000000' })],
      ['branchId', () => ({ branchId: '00000000-0000-4000-8000-000000000000' })],
    ])('a non-existent %s → 400 naming it, nothing written', async (field, overrides) => {
      const before = await counts();
      for (const client of [staff, w.admin]) {
        const res = track(await client.post('/appeals', staffBody(overrides())));
        expectError(res, 400, 'VALIDATION_FAILED', field);
      }
      expect(await counts()).toEqual(before);
    });

    it('a branch id of another kind of record (an agency) → 400 naming branchId', async () => {
      const res = track(await w.admin.post('/appeals', staffBody({ branchId: w.agencies.alaAkimat })));
      expectError(res, 400, 'VALIDATION_FAILED', 'branchId');
    });
  });

  describe('bodies that are not an AppealInput object', () => {
    const raw = (body: string, contentType = 'application/json') =>
      staff.post('/appeals').set('Content-Type', contentType).send(body);

    it.each([
      ['truncated JSON', '{"type":"complaint","subject":'],
      ['single quotes', "{'type':'complaint'}"],
      ['trailing comma', '{"type":"complaint",}'],
      ['plain text labelled JSON', 'hello'],
      ['a JSON string', '"hello"'],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
    ])('%s → 400 naming the body', async (_label, body) => {
      const before = await counts();
      const res = track(await raw(body));
      expectError(res, 400, 'VALIDATION_FAILED', 'body');
      expect(await counts()).toEqual(before);
    });

    it('a JSON array → 400 naming the body', async () => {
      const before = await counts();
      const res = track(await raw(JSON.stringify([staffBody()])));
      expectError(res, 400, 'VALIDATION_FAILED', 'body');
      expect(await counts()).toEqual(before);
    });

    it('an empty array → 400 naming the body', async () => {
      const res = track(await raw('[]'));
      expectError(res, 400, 'VALIDATION_FAILED', 'body');
    });

    it('an empty object → 400 naming the required fields', async () => {
      const res = track(await raw('{}'));
      expectError(res, 400, 'VALIDATION_FAILED', 'type');
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['type', 'categoryId', 'branchId', 'subject', 'text', 'language', 'applicant', 'channel']));
    });

    it('no body at all → 400', async () => {
      const res = track(await staff.post('/appeals'));
      expectError(res, 400, 'VALIDATION_FAILED', 'type');
    });

    it('a JSON body sent as text/plain → 4xx, nothing written', async () => {
      const before = await counts();
      const res = track(await raw(JSON.stringify(staffBody()), 'text/plain'));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), message: expect.any(String) });
      expect(await counts()).toEqual(before);
    });

    it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
      const before = await counts();
      const res = track(await staff.post('/appeals', staffBody({ text: 'ы'.repeat(600_000) })));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
      expect(await counts()).toEqual(before);
    });

    it('a body over 1 MB on the public portal → 413 too', async () => {
      const res = track(await w.anonymous.post('/portal/appeals', portalBody({ text: 'x'.repeat(1_100_000) })));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('a NUL character in the text → 400 naming the field, never a database error', async () => {
      const before = await counts();
      for (const [path, field] of [
        ['text', 'text'],
        ['subject', 'subject'],
        ['applicant.fullName', 'applicant.fullName'],
      ]) {
        const res = track(await staff.post('/appeals', withValue(staffBody(), path, 'до\u0000после')));
        expectError(res, 400, 'VALIDATION_FAILED', field);
      }
      expect(await counts()).toEqual(before);
    });

    it('a NUL character anywhere else → 400 naming the field', async () => {
      const login = track(await w.anonymous.post('/auth/login', { login: 'adm\u0000in', password: 'admin-password' }));
      expectError(login, 400, 'VALIDATION_FAILED', 'login');
      const day = track(await w.admin.put('/calendar/days/2026-11-20', { kind: 'holiday', name: 'a\u0000b' }));
      expectError(day, 400, 'VALIDATION_FAILED', 'name');
      const portal = track(await w.anonymous.post('/portal/appeals', withValue(portalBody(), 'applicant.address', '\u0000')));
      expectError(portal, 400, 'VALIDATION_FAILED', 'applicant.address');
      const query = track(await staff.get('/receptions?branchId=%00'));
      expectError(query, 400, 'VALIDATION_FAILED', 'branchId');
    });

    it('an instant no Date can read (offset +25:00) elsewhere → 400 naming it', async () => {
      const { receivedAt: _r, ...appeal } = appealInput(w);
      const before = await counts();
      const call = track(
        await staff.post('/call-centre/calls', { callerPhone: '+77011234567', startedAt: '2026-11-19T12:00:00+25:00', result: 'appeal', appeal }),
      );
      expectError(call, 400, 'VALIDATION_FAILED', 'startedAt');
      const session = track(
        await w.users.receptionAla.post('/receptions', {
          branchId: w.branches.ala,
          hostName: 'Депутат',
          hostType: 'majilis_deputy',
          startsAt: '2026-11-18T10:00:00-99:00',
          format: 'in_person',
        }),
      );
      expectError(session, 400, 'VALIDATION_FAILED', 'startsAt');
      expect(await counts()).toEqual(before);
    });
  });

  describe('the public portal', () => {
    const portalCases: [string, string, unknown, string][] = [
      ['unknown top-level field', 'foo', 1, 'foo'],
      ['unknown nested field', 'applicant.foo', 1, 'applicant.foo'],
      ['receivedAt (staff only)', 'receivedAt', '2026-11-20T10:00:00+05:00', 'receivedAt'],
      ['channel (staff only)', 'channel', 'mail', 'channel'],
      ['IIN with a bad checksum', 'applicant.iin', '921029350852', 'applicant.iin'],
      ['IIN of 11 digits', 'applicant.iin', '92102935085', 'applicant.iin'],
      ['Russian phone', 'applicant.phone', '+79161234567', 'applicant.phone'],
      ['garbage phone', 'applicant.phone', '123', 'applicant.phone'],
      ['bad email', 'applicant.email', 'not-an-email', 'applicant.email'],
      ['subject of 301 characters', 'subject', 'x'.repeat(301), 'subject'],
      ['text of 10001 characters', 'text', 'x'.repeat(10001), 'text'],
      ['signatories 100001', 'collective', { signatories: 100001 }, 'collective.signatories'],
      ['bad type', 'type', 'question', 'type'],
      ['bad language', 'language', 'en', 'language'],
      ['categoryId not a UUID', 'categoryId', 'nope', 'categoryId'],
    ];

    it.each(portalCases)('%s → 400 naming the field, nothing written', async (_label, path, value, field) => {
      const before = await counts();
      const res = track(await w.anonymous.post('/portal/appeals', withValue(portalBody(), path, value)));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      expect(await counts()).toEqual(before);
    });

    it.each([['categoryId'], ['branchId']])('a non-existent %s → 400 naming it', async (field) => {
      const before = await counts();
      const res = track(await w.anonymous.post('/portal/appeals', portalBody({ [field]: '00000000-0000-4000-8000-000000000000' })));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON and a JSON array → 400 naming the body', async () => {
      for (const body of ['{"type":', '[1,2]']) {
        const res = track(await w.anonymous.post('/portal/appeals').set('Content-Type', 'application/json').send(body));
        expectError(res, 400, 'VALIDATION_FAILED', 'body');
      }
    });

    it('a malformed status lookup → 400, not 500', async () => {
      const noCode = track(await w.anonymous.get('/portal/appeals/ALA-2026-000001'));
      expectError(noCode, 400, 'VALIDATION_FAILED', 'trackingCode');
      const badNumber = track(await w.anonymous.get(`/portal/appeals/${encodeURIComponent('ALA 2026/1')}?trackingCode=X`));
      expect(badNumber.status).toBeGreaterThanOrEqual(400);
      expect(badNumber.status).toBeLessThan(500);
      const twoCodes = track(await w.anonymous.get('/portal/appeals/ALA-2026-000001?trackingCode=A&trackingCode=B'));
      expectError(twoCodes, 400, 'VALIDATION_FAILED', 'trackingCode');
    });
  });

  describe('paths and query strings', () => {
    it('GET /appeals/not-a-uuid → 400 naming the id', async () => {
      for (const path of ['/appeals/not-a-uuid', '/appeals/not-a-uuid/events', "/appeals/1' OR '1'='1", '/appeals/00000000-0000-0000-0000-00000000000g']) {
        const res = track(await staff.get(path));
        expectError(res, 400, 'VALIDATION_FAILED', 'id');
      }
    });

    it('a well-formed but unknown appeal id → 404', async () => {
      const res = track(await staff.get('/appeals/00000000-0000-4000-8000-000000000000'));
      expectError(res, 404, 'NOT_FOUND');
    });

    it('a path that is not valid percent-encoding → 400 in the contract body', async () => {
      const res = track(await staff.get('/appeals/%E0%A4%A'));
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([
      ['pageSize=201', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['page=1.5', 'page'],
      ['status=open', 'status'],
      ['status=routed&status=closed', 'status'],
      ['channel=fax', 'channel'],
      ['deadlineState=late', 'deadlineState'],
      ['branchId=ala', 'branchId'],
      ['agencyId=1', 'agencyId'],
      ['categoryId=housing', 'categoryId'],
      ['receivedFrom=2026-13-01', 'receivedFrom'],
      ['receivedTo=20.11.2026', 'receivedTo'],
      ['receivedFrom=2026-02-30', 'receivedFrom'],
      ['foo=bar', 'foo'],
      ['branchId[a]=b', 'branchId[a]'],
    ])('GET /appeals?%s → 400 naming %s', async (query, field) => {
      const res = track(await staff.get(`/appeals?${query}`));
      expectError(res, 400, 'VALIDATION_FAILED', field);
    });

    it('GET /appeals?pageSize=200&page=1 is the largest allowed page', async () => {
      const res = track(await staff.get('/appeals?pageSize=200&page=1'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 200 });
    });
  });

  describe('calendar', () => {
    it.each([['2026-02-30'], ['2026-13-01'], ['20261120'], ['tomorrow'], ['2026-2-3']])('PUT /calendar/days/%s → 400 naming the date', async (date) => {
      const res = track(await w.admin.put(`/calendar/days/${date}`, { kind: 'holiday', name: 'x' }));
      expectError(res, 400, 'VALIDATION_FAILED', 'date');
      const del = track(await w.admin.delete(`/calendar/days/${date}`));
      expectError(del, 400, 'VALIDATION_FAILED', 'date');
    });

    it.each([
      ['kind "weekend"', { kind: 'weekend' }, 'kind'],
      ['kind missing', { name: 'x' }, 'kind'],
      ['kind a number', { kind: 1 }, 'kind'],
      ['name a number', { kind: 'holiday', name: 5 }, 'name'],
      ['name of 201 characters', { kind: 'holiday', name: 'x'.repeat(201) }, 'name'],
      ['unknown field', { kind: 'holiday', date: '2026-11-20' }, 'date'],
    ])('PUT /calendar/days/2026-11-20 with %s → 400', async (_label, body, field) => {
      const res = track(await w.admin.put('/calendar/days/2026-11-20', body));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM calendar_days WHERE day = '2026-11-20'`);
      expect(count).toBe(0);
    });

    it.each([
      ['from=2026-11-20&workdays=-1', 'workdays'],
      ['from=2026-11-20&workdays=1.5', 'workdays'],
      ['from=2026-11-20&workdays=abc', 'workdays'],
      ['from=2026-11-20&workdays=', 'workdays'],
      ['from=2026-11-20', 'workdays'],
      ['from=2026-11-20&workdays=100000', 'workdays'],
      ['from=2026-02-30&workdays=15', 'from'],
      ['workdays=15', 'from'],
    ])('GET /calendar/due-date?%s → 400 naming %s', async (query, field) => {
      const res = track(await staff.get(`/calendar/due-date?${query}`));
      expectError(res, 400, 'VALIDATION_FAILED', field);
    });

    it('GET /calendar with a reversed or malformed range → 400', async () => {
      expectError(track(await staff.get('/calendar?from=2026-12-31&to=2026-01-01')), 400, 'VALIDATION_FAILED', 'to');
      expectError(track(await staff.get('/calendar?from=2026-01-01')), 400, 'VALIDATION_FAILED', 'to');
      expectError(track(await staff.get('/calendar?from=01.01.2026&to=2026-12-31')), 400, 'VALIDATION_FAILED', 'from');
    });
  });

  describe('Unicode that must be accepted', () => {
    const kazakh = 'ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І';

    it('stores Kazakh letters and emoji exactly, staff and portal alike', async () => {
      const subject = `Өтініш: ${kazakh}`;
      const text = `Құрметті әкім! Үйдің шатыры ағып тұр 😡🏚️💧. Рахмет 🙏🏽 🇰🇿 👨‍👩‍👧 — «тырнақша», №5, 1 000 ₸. ${kazakh}\nЖаңа жол\tтаб.`;
      const applicant = { fullName: 'Әлихан Нұрғалиұлы Үсенов', iin: VALID_IINS[2], phone: '+7 701 123 45 67', address: 'Шымкент, Қонаев даңғылы 1' };

      const staffRes = track(await staff.post('/appeals', staffBody({ subject, text, language: 'kk', applicant })));
      expect(staffRes.status).toBe(201);
      expect(staffRes.body).toMatchObject({ subject, text, language: 'kk', applicant: { fullName: applicant.fullName, address: applicant.address } });
      const read = track(await staff.get(`/appeals/${staffRes.body.id}`));
      expect(read.body).toMatchObject({ subject, text, applicant: { fullName: applicant.fullName } });

      const portalRes = track(await w.anonymous.post('/portal/appeals', portalBody({ subject, text, language: 'kk', applicant })));
      expect(portalRes.status).toBe(201);

      const rows = await t.db.query(`SELECT subject, text, applicant->>'fullName' AS "fullName" FROM appeals WHERE id = ANY($1)`, [
        [staffRes.body.id, portalRes.body.id],
      ]);
      expect(rows).toEqual([
        { subject, text, fullName: applicant.fullName },
        { subject, text, fullName: applicant.fullName },
      ]);
    });

    it('accepts a subject of exactly 300 Kazakh letters and a text of exactly 10000', async () => {
      const subject = 'ә'.repeat(300);
      const text = 'ң'.repeat(10000);
      const res = track(await staff.post('/appeals', staffBody({ subject, text })));
      expect(res.status).toBe(201);
      const [row] = await t.db.query(`SELECT char_length(subject)::int AS s, char_length(text)::int AS t FROM appeals WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ s: 300, t: 10000 });
    });

    it('counts characters as PostgreSQL does: 150 "❤️" (300 code points) are a valid subject, stored exactly', async () => {
      const subject = '❤️'.repeat(150);
      const res = track(await staff.post('/appeals', staffBody({ subject })));
      expect(res.status).toBe(201);
      const [row] = await t.db.query(`SELECT subject FROM appeals WHERE id = $1`, [res.body.id]);
      expect(row.subject).toBe(subject);
    });

    it('counts an emoji as one character: 300 emoji are a valid subject, 10000 a valid text', async () => {
      const res = track(await staff.post('/appeals', staffBody({ subject: '😀'.repeat(300), text: '🇰'.repeat(10000) })));
      expect(res.status).toBe(201);
      const read = track(await staff.get(`/appeals/${res.body.id}`));
      expect(read.body.subject).toBe('😀'.repeat(300));
    });
  });

  describe('defects fixed (each failed before its fix)', () => {
    const raw = (body: string) => staff.post('/appeals').set('Content-Type', 'application/json').send(body);
    const detailOf = (res: Response, field: string) => res.body.details?.find((d: { field: string }) => d.field === field);

    it.each(['940140000385', '990140004654'])('the BIN %s is refused as a person’s IIN (iin.not_individual)', async (bin) => {
      const before = await counts();
      const res = track(await staff.post('/appeals', staffBody({ applicant: { fullName: 'ТОО Ромашка', iin: bin } })));
      expectError(res, 400, 'VALIDATION_FAILED', 'applicant.iin');
      expect(detailOf(res, 'applicant.iin').code).toBe('iin.not_individual');
      expect(await counts()).toEqual(before);
    });

    it.each(VALID_IINS)('DOMAIN.md’s IIN %s is still accepted', async (iin) => {
      const res = track(await staff.post('/appeals', staffBody({ applicant: { fullName: 'Серик Ахметов', iin } })));
      expect(res.status).toBe(201);
    });

    it.each([
      ['__proto__ at the top', (b: string) => b.replace(/^\{/, '{"__proto__":{"isAdmin":true},'), '__proto__'],
      ['constructor at the top', (b: string) => b.replace(/^\{/, '{"constructor":{"name":"x"},'), 'constructor'],
      ['toString at the top', (b: string) => b.replace(/^\{/, '{"toString":"x",'), 'toString'],
      ['__proto__ in applicant', (b: string) => b.replace('"applicant":{', '"applicant":{"__proto__":{"x":1},'), 'applicant.__proto__'],
      ['constructor in applicant', (b: string) => b.replace('"applicant":{', '"applicant":{"constructor":1,'), 'applicant.constructor'],
      ['hasOwnProperty in collective', (b: string) => b.replace(/\}$/, ',"collective":{"signatories":3,"hasOwnProperty":1}}'), 'collective.hasOwnProperty'],
    ])('a key named like a prototype member (%s) → 400 unknown_field naming it', async (_label, inject, field) => {
      const before = await counts();
      const res = track(await raw(inject(JSON.stringify(staffBody()))));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      expect(detailOf(res, field).code).toBe('unknown_field');
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['zero-width spaces', 'subject', '\u200B\u200C\u200D'],
      ['a byte order mark', 'subject', '\uFEFF'],
      ['direction overrides and isolates', 'subject', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'],
      ['C1 controls', 'applicant.fullName', '\u0080\u0085\u009F'],
      ['C0 controls', 'applicant.fullName', '\u0001\u0007\u001B'],
      ['Hangul fillers', 'applicant.fullName', '\u3164\u3164'],
      ['zero-width characters in the text', 'text', '\u200B\n\u200B'],
    ])('only %s in %s → 400 blank naming it', async (_label, field, value) => {
      const before = await counts();
      const res = track(await staff.post('/appeals', withValue(staffBody(), field, value)));
      expectError(res, 400, 'VALIDATION_FAILED', field);
      expect(detailOf(res, field).code).toBe('blank');
      expect(await counts()).toEqual(before);
    });

    it('real text keeps its letters; direction overrides, controls and zero-width spaces around them are removed', async () => {
      const res = track(
        await staff.post('/appeals', staffBody({ subject: '\u202EНет\u200B воды\u0085', applicant: { fullName: 'Серик\u2066 Ахметов\u2069', iin: VALID_IINS[0] } })),
      );
      expect(res.status).toBe(201);
      expect(res.body.subject).toBe('Нет воды');
      expect(res.body.applicant.fullName).toBe('Серик Ахметов');
    });

    it.each([
      ['/reports/resolution?to=9999-12-31', 'to'],
      ['/reports/resolution?from=0001-01-01&to=2026-01-01', 'from'],
      ['/reports/resolution?from=2000-01-01&to=2100-12-31', 'to'],
      ['/reports/resolution?to=9999-12-31&format=csv', 'to'],
      ['/reports/receptions?to=9999-12-31', 'to'],
      ['/reports/resolution?from=2100-12-31&compareYears=5&to=2100-12-31', null],
      ['/appeals?receivedTo=9999-12-31', 'receivedTo'],
      ['/receptions?from=0000-01-01', 'from'],
      ['/calendar?from=2026-01-01&to=9999-12-31', 'to'],
      ['/calendar/due-date?from=9999-12-31&workdays=1', 'from'],
      ['/calendar/due-date?from=2100-12-31&workdays=3650', null],
    ])('GET %s → 4xx naming the date, never a 500', async (path, field) => {
      const res = track(await w.admin.get(path));
      if (field === null) {
        expect(res.status).toBeLessThan(500);
        return;
      }
      expectError(res, 400, 'VALIDATION_FAILED', field);
    });
  });
});
