import { Controller, Get, Module, Param } from '@nestjs/common';
import { openApiDocument } from './support/openapi';
import { DataSource } from 'typeorm';
import { Appeal } from '../src/appeals/appeal.entity';
import { toAppealView } from '../src/appeals/appeal.view';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';

/** A controller written without any thought of personal data: it only returns an Appeal view, deep inside. */
@Controller('probe')
class ProbeController {
  constructor(private readonly ds: DataSource) {}

  @Get('appeals/:id')
  async one(@Param('id') id: string): Promise<unknown> {
    const appeal = await this.ds.getRepository(Appeal).findOneByOrFail({ id });
    return { wrapped: { deeper: [{ ...toAppealView(appeal), note: 'spread views are still views' }] } };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

interface Read {
  appealId: string;
  actorId: string;
  purpose: string;
  at: Date;
}

/**
 * DOMAIN.md "Personal data": every read of a citizen's personal data by staff is auditable. Every
 * operation that answers with an applicant's identity records one `personal_data_reads` row per
 * case it returns, whichever controller it is in.
 */
describe('personal data reads are recorded for every response that carries an identity', () => {
  let t: TestApp;
  let w: World;
  /** The documented operations this suite has walked, as `METHOD /api/v1/path/{id}`. */
  const walked = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({}, [ProbeModule]);
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  let lastId = 0;
  /** The rows written since the previous call. */
  async function newReads(): Promise<Read[]> {
    const rows: (Read & { id: number })[] = await t.db.query(
      `SELECT id, appeal_id AS "appealId", actor_id AS "actorId", purpose, at FROM personal_data_reads WHERE id > $1 ORDER BY id`,
      [lastId],
    );
    lastId = rows.at(-1)?.id ?? lastId;
    return rows.map(({ id: _id, ...r }) => r);
  }

  async function call(op: string, who: ApiClient, path: string, body?: object): Promise<Record<string, any>> {
    const [method] = op.split(' ');
    const res = method === 'GET' ? await who.get(path) : await who.post(path, body ?? {});
    if (res.status >= 300) throw new Error(`${op} → ${res.status} ${JSON.stringify(res.body)}`);
    walked.add(`${method} /api/v1${op.slice(method.length + 1)}`);
    return res.body;
  }

  const register = (overrides: Record<string, unknown> = {}) => call('POST /appeals', w.users.operatorAla, '/appeals', { ...appealInput(w, overrides), channel: 'mail' });

  it('POST /appeals and GET /appeals/{id}: one row each, with the operation as the purpose', async () => {
    await newReads();
    const a = await register();
    expect(await newReads()).toEqual([{ appealId: a.id, actorId: w.userIds['operator.ala'], purpose: 'POST /appeals', at: expect.any(Date) }]);
    await call('GET /appeals/{id}', w.users.controllerAla, `/appeals/${a.id}`);
    expect(await newReads()).toEqual([{ appealId: a.id, actorId: w.userIds['controller.ala'], purpose: 'GET /appeals/:id', at: expect.any(Date) }]);
    // The history shows no identity: nothing to record.
    await w.users.controllerAla.get(`/appeals/${a.id}/events`);
    expect(await newReads()).toEqual([]);
  });

  it('an anonymous appeal carries no identity: its reads are not personal data', async () => {
    const body = appealInput(w, { anonymous: true });
    delete body.applicant;
    await newReads();
    const a = await call('POST /appeals', w.users.operatorAla, '/appeals', { ...body, channel: 'mail' });
    await w.users.controllerAla.get(`/appeals/${a.id}`);
    expect(await newReads()).toEqual([]);
  });

  it('GET /appeals: one row per case with an identity on the page, written by one statement', async () => {
    await register({ subject: 'Первое' });
    await register({ subject: 'Второе' });
    await newReads();
    const page = await call('GET /appeals', w.users.controllerAla, '/appeals?pageSize=200');
    const withIdentity = page.items.filter((a: { applicant: unknown }) => a.applicant !== null).map((a: { id: string }) => a.id);
    expect(withIdentity.length).toBeGreaterThan(2);
    expect(withIdentity.length).toBeLessThan(page.items.length); // the anonymous one is listed, not recorded
    const reads = await newReads();
    expect(reads.map((r) => r.appealId).sort()).toEqual([...withIdentity].sort());
    expect(new Set(reads.map((r) => `${r.actorId} ${r.purpose}`))).toEqual(new Set([`${w.userIds['controller.ala']} GET /appeals`]));
    // One INSERT: every row carries the same statement time.
    expect(new Set(reads.map((r) => r.at.getTime())).size).toBe(1);
  });

  it('every lifecycle action answers with the case and records it', async () => {
    const c = w.users.controllerAla;
    const o = w.users.officerAlaAkimat;
    const a = await register();
    const later = (await w.admin.get(`/calendar/due-date?from=${a.dueDate}&workdays=2`)).body.dueDate;
    const steps: [ApiClient, string, object][] = [
      [o, 'accept', {}],
      [o, 'pause', { reason: 'Уточните адрес' }],
      [o, 'resume', {}],
      [c, 'extend', { dueDate: later, reason: 'Выезд комиссии' }],
      [o, 'answer', { outcome: 'positive', text: 'Отремонтируем.' }],
      [c, 'close', {}],
      [c, 'reopen', { reason: 'Неполный ответ' }],
      [o, 'return', { reason: 'Не наша компетенция' }],
      [c, 'route', { agencyId: w.agencies.alaAkimat }],
      [w.users.operatorAla, 'withdraw', {}],
    ];
    await newReads();
    for (const [who, action, body] of steps) {
      await call(`POST /appeals/{id}/${action}`, who, `/appeals/${a.id}/${action}`, body);
      expect({ action, reads: (await newReads()).map((r) => [r.appealId, r.purpose]) }).toEqual({ action, reads: [[a.id, `POST /appeals/:id/${action}`]] });
    }
  });

  it('a call and a reception visit that make an appeal record it; a consultation records nothing', async () => {
    const { receivedAt: _r, ...input } = appealInput(w);
    await newReads();
    const call1 = await call('POST /call-centre/calls', w.users.operatorAla, '/call-centre/calls', {
      callerPhone: '87011234567', startedAt: '2026-11-19T12:00:00+05:00', result: 'appeal', appeal: input,
    });
    expect((await newReads()).map((r) => [r.appealId, r.actorId, r.purpose])).toEqual([[call1.appeal.id, w.userIds['operator.ala'], 'POST /call-centre/calls']]);
    await w.users.operatorAla.post('/call-centre/calls', { callerPhone: '87011234567', startedAt: '2026-11-19T12:00:00+05:00', result: 'consultation' });
    expect(await newReads()).toEqual([]);

    const session = await w.users.receptionAla.post('/receptions', {
      branchId: w.branches.alaAlm, hostName: 'Депутат', hostType: 'majilis_deputy', startsAt: '2026-11-18T10:00:00+05:00', format: 'in_person',
    });
    await newReads();
    const { branchId: _b, ...visitInput } = input;
    const visit = await call('POST /receptions/{id}/visits', w.users.receptionAla, `/receptions/${session.body.id}/visits`, {
      visitor: { fullName: 'Серик Ахметов' }, result: 'appeal', appeal: visitInput,
    });
    expect((await newReads()).map((r) => [r.appealId, r.purpose])).toEqual([[visit.appeal.id, 'POST /receptions/:id/visits']]);
  });

  it('the public portal is no staff read', async () => {
    const { receivedAt: _r, ...body } = appealInput(w);
    await newReads();
    expect((await w.anonymous.post('/portal/appeals', body)).status).toBe(201);
    expect(await newReads()).toEqual([]);
  });

  it('a new controller that returns an Appeal view, however wrapped, is recorded without code of its own', async () => {
    const a = await register();
    await newReads();
    const res = await w.admin.get(`/probe/appeals/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.body.wrapped.deeper[0]).toMatchObject({ id: a.id, applicant: { fullName: 'Серик Ахметов' } });
    expect((await newReads()).map((r) => [r.appealId, r.purpose])).toEqual([[a.id, 'GET /probe/appeals/:id']]);
  });

  it('has walked every documented operation whose answer holds an Appeal', async () => {
    const doc = openApiDocument() as any;
    const refsIn = (node: unknown): string[] => (JSON.stringify(node ?? {}).match(/#\/components\/schemas\/[\w.-]+/g) ?? []).map((r) => r.split('/').pop()!);
    // The schemas that hold an Appeal, directly or through another schema (a page, a call, a visit).
    // Those that carry an applicant (AppealView, and the list item, which repeats its fields), and
    // those that hold one of them.
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    const holding = new Set(Object.entries(schemas).filter(([, schema]) => schema.properties?.applicant).map(([name]) => name));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        if (!holding.has(name) && refsIn(schema).some((r) => holding.has(r))) grew = holding.add(name).size > 0;
      }
    }
    const documented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(operations)) {
        const answers = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (answers.some(([, r]) => refsIn(r).some((s) => holding.has(s)))) documented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(documented.length).toBeGreaterThanOrEqual(15);
    expect(documented.filter((op) => !walked.has(op))).toEqual([]);
  });
});
