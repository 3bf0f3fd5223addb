import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, VALID_IINS, World } from './support/world';

/** API.md v1.1 "Finding cases": search and sort of the case list, the call log, a reception's detail. */
describe('finding cases (v1.1)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  const staffBody = (overrides: Record<string, unknown> = {}) => ({ ...appealInput(w, overrides), channel: 'mail' });

  async function register(overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
    const res = await w.admin.post('/appeals', staffBody(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  describe('GET /appeals: q, type, sort and the named references', () => {
    let kazakh: { id: string; number: string };
    let russian: { id: string; number: string };
    let astana: { id: string; number: string };
    let proposal: { id: string; number: string };

    beforeAll(async () => {
      kazakh = await register({
        language: 'kk',
        subject: 'Үйдің шатыры ағып жатыр',
        text: 'Абай көшесіндегі үйдің шатыры үш ай бойы ағып тұр.',
        applicant: { fullName: 'Әсел Нұрланқызы', iin: VALID_IINS[1], phone: '+7 (707) 123-45-67' },
        receivedAt: '2026-03-02T10:00:00+05:00',
      });
      russian = await register({
        subject: 'Нет отопления',
        text: 'В квартире холодно, отопление не включили',
        applicant: { fullName: 'Иван Петров', iin: VALID_IINS[2], phone: '8 702 555 11 22' },
        receivedAt: '2026-03-04T10:00:00+05:00',
      });
      astana = await register({
        branchId: w.branches.astEsl,
        subject: 'Нет отопления в Астане',
        applicant: { fullName: 'Иван Сидоров', iin: VALID_IINS[0], phone: '8 702 555 11 22' },
        receivedAt: '2026-03-03T10:00:00+05:00',
      });
      proposal = await register({
        type: 'proposal',
        categoryId: w.categories.other,
        subject: 'Предложение по благоустройству',
        anonymous: true,
        applicant: undefined,
        receivedAt: '2026-03-01T10:00:00+05:00',
      });
    });

    const ids = (body: { items: { id: string }[] }) => body.items.map((a) => a.id);
    const search = async (q: string, client = w.admin) => {
      const res = await client.get(`/appeals?q=${encodeURIComponent(q)}&pageSize=200`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      return res.body;
    };

    it('finds a case by its registration number in any letter case', async () => {
      expect(ids(await search(kazakh.number.toLowerCase()))).toEqual([kazakh.id]);
      expect(ids(await search(` ${russian.number} `))).toEqual([russian.id]);
    });

    it('finds by IIN and by phone in any usual notation', async () => {
      expect(ids(await search(VALID_IINS[1]))).toEqual([kazakh.id]);
      for (const phone of ['87071234567', '8 707 123 45 67', '+7 (707) 123-45-67', '+77071234567']) expect(ids(await search(phone))).toEqual([kazakh.id]);
      expect(ids(await search('8 (702) 555-11-22')).sort()).toEqual([russian.id, astana.id].sort());
    });

    it('finds by words of the name, subject or text, Kazakh and Russian, by word prefix, all words required', async () => {
      expect(ids(await search('Нұрланқызы'))).toEqual([kazakh.id]);
      expect(ids(await search('шатыры'))).toEqual([kazakh.id]);
      expect(ids(await search('көшесі'))).toEqual([kazakh.id]);
      expect(ids(await search('отоплени')).sort()).toEqual([russian.id, astana.id].sort());
      expect(ids(await search('иван холодно'))).toEqual([russian.id]);
      expect(ids(await search('благоустройству'))).toEqual([proposal.id]);
      expect(ids(await search('несуществующееслово'))).toEqual([]);
    });

    it('searches within the caller’s scope only', async () => {
      expect(ids(await search('отопления', w.users.controllerAla))).toEqual([russian.id]);
      expect(ids(await search(astana.number, w.users.controllerAla))).toEqual([]);
      expect(ids(await search('8 702 555 11 22', w.users.controllerAst))).toEqual([astana.id]);
    });

    it('filters by type, sorts by receipt or due date both ways (default: newest first)', async () => {
      const q = 'receivedFrom=2026-03-01&receivedTo=2026-03-04&pageSize=200';
      expect(ids((await w.admin.get(`/appeals?${q}&type=proposal`)).body)).toEqual([proposal.id]);
      const byDefault = ids((await w.admin.get(`/appeals?${q}`)).body);
      expect(byDefault).toEqual([russian.id, astana.id, kazakh.id, proposal.id]);
      expect(ids((await w.admin.get(`/appeals?${q}&sort=-receivedAt`)).body)).toEqual(byDefault);
      expect(ids((await w.admin.get(`/appeals?${q}&sort=receivedAt`)).body)).toEqual([...byDefault].reverse());
      const due = (await w.admin.get(`/appeals?${q}&sort=dueDate`)).body.items.map((a: { dueDate: string }) => a.dueDate);
      expect(due).toEqual([...due].sort());
      const dueDesc = (await w.admin.get(`/appeals?${q}&sort=-dueDate`)).body.items.map((a: { dueDate: string }) => a.dueDate);
      expect(dueDesc).toEqual([...due].sort().reverse());
      const bad = await w.admin.get('/appeals?sort=subject');
      expect(bad.status).toBe(400);
      expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'sort' }));
      const empty = await w.admin.get('/appeals?q=%20!!%20');
      expect(empty.status).toBe(400);
      expect(empty.body.details).toContainEqual(expect.objectContaining({ field: 'q' }));
    });

    it('names the branch, category and agency of every item', async () => {
      const [item] = (await search(kazakh.number)).items;
      expect(item.branch).toEqual({ id: w.branches.alaBos, code: 'ALA-BOS', name: 'Бостандыкский районный филиал' });
      expect(item.category).toEqual({ id: w.categories.housingRepair, code: 'HOUSING.REPAIR', names: { kk: 'Жөндеу', ru: 'Ремонт жилья', en: 'Housing repair' } });
      expect(item.agency).toEqual({ id: w.agencies.alaAkimat, code: 'ALA-AKIMAT', name: 'Акимат города Алматы' });
      const [unrouted] = (await search(proposal.number)).items;
      expect(unrouted.agency).toBeNull();
      expect(unrouted.category.code).toBe('OTHER');
    });

    it('gives an exact total up to 10,000 matches and an estimate beyond, marked totalIsEstimate', async () => {
      const small = await w.admin.get('/appeals?pageSize=1');
      expect(small.body).toMatchObject({ totalIsEstimate: false });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM appeals`);
      expect(small.body.total).toBe(n);

      await t.db.query(
        `INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, subject, text, language, anonymous,
                              received_at, received_on, due_date)
         SELECT 'BULK-' || g, 'TRACK', 'mail', 'statement', 'registered', $1, $2, 'Массовое', 'Текст', 'ru', true,
                timestamptz '2025-06-01 10:00+05' + g * interval '1 minute', date '2025-06-01' + g / 1440, date '2025-07-01'
           FROM generate_series(1, 10100) g`,
        [w.categories.other, w.branches.astEsl],
      );
      await t.db.query('ANALYZE appeals');
      const large = await w.admin.get('/appeals?pageSize=200');
      expect(large.status).toBe(200);
      expect(large.body.totalIsEstimate).toBe(true);
      expect(large.body.total).toBeGreaterThan(10_000);
      expect(large.body.items).toHaveLength(200);
      const inAlmaty = await w.users.controllerAla.get('/appeals?pageSize=1');
      expect(inAlmaty.body.totalIsEstimate).toBe(false);
      const [{ ala }] = await t.db.query(`SELECT count(*)::int AS ala FROM appeals a JOIN branches b ON b.id = a.branch_id WHERE b.region_code = 'ALA'`);
      expect(inAlmaty.body.total).toBe(ala);
    });
  });

  describe('GET /call-centre/calls', () => {
    let almatyCall: string;
    let astanaAppealCall: string;
    let countryConsultation: string;

    beforeAll(async () => {
      const log = async (client: typeof w.admin, body: object) => {
        const res = await client.post('/call-centre/calls', body);
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const { receivedAt: _r, ...appeal } = appealInput(w);
      almatyCall = await log(w.users.operatorAla, { callerPhone: '8 701 111 22 33', startedAt: '2026-04-01T09:00:00+05:00', result: 'appeal', appeal });
      astanaAppealCall = await log(w.users.operatorKz, {
        callerPhone: '8 701 444 55 66',
        startedAt: '2026-04-02T09:00:00+05:00',
        result: 'appeal',
        appeal: { ...appeal, branchId: w.branches.astEsl },
      });
      countryConsultation = await log(w.users.operatorKz, { callerPhone: '8 701 777 88 99', startedAt: '2026-04-03T09:00:00+05:00', result: 'consultation', notes: 'Справка' });
    });

    const listed = async (client: typeof w.admin, query = '') => {
      const res = await client.get(`/call-centre/calls?pageSize=200${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('scopes a call by the operator’s branch, or by the branch of the appeal it produced', async () => {
      expect((await listed(w.users.operatorKz)).items.map((c: { id: string }) => c.id)).toEqual([countryConsultation, astanaAppealCall, almatyCall]);
      expect((await listed(w.users.controllerAla)).items.map((c: { id: string }) => c.id)).toEqual([almatyCall]);
      expect((await listed(w.users.controllerAst)).items.map((c: { id: string }) => c.id)).toEqual([astanaAppealCall]);
      expect((await w.users.controllerAla.get(`/call-centre/calls/${astanaAppealCall}`)).status).toBe(404);
      const one = await w.users.controllerAst.get(`/call-centre/calls/${astanaAppealCall}`);
      expect(one.status).toBe(200);
      const [appeal] = await t.db.query(`SELECT id, number FROM appeals WHERE call_id = $1`, [astanaAppealCall]);
      expect(one.body).toMatchObject({ id: astanaAppealCall, result: 'appeal', callerPhone: '+77014445566', appealId: appeal.id, appealNumber: appeal.number });
    });

    it('filters by period and result, pages with a total', async () => {
      const april2 = await listed(w.admin, '&from=2026-04-02&to=2026-04-02');
      expect(april2.items.map((c: { id: string }) => c.id)).toEqual([astanaAppealCall]);
      const consultations = await listed(w.admin, '&result=consultation');
      expect(consultations.items.map((c: { id: string }) => c.id)).toEqual([countryConsultation]);
      expect(consultations.items[0]).toMatchObject({ notes: 'Справка', appealId: null });
      const page = await w.admin.get('/call-centre/calls?pageSize=2&page=2');
      expect(page.body).toMatchObject({ total: 3, totalIsEstimate: false, page: 2, pageSize: 2 });
      expect(page.body.items).toHaveLength(1);
      expect((await w.admin.get('/call-centre/calls?result=other')).status).toBe(400);
    });

    it('records each read of a caller’s number', async () => {
      const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM personal_data_reads WHERE call_id = $1`, [almatyCall]);
      await w.users.controllerAla.get(`/call-centre/calls/${almatyCall}`);
      await listed(w.users.controllerAla);
      const rows = await t.db.query(`SELECT actor_id, purpose FROM personal_data_reads WHERE call_id = $1 ORDER BY id`, [almatyCall]);
      expect(rows.slice(before)).toEqual([
        { actor_id: w.userIds['controller.ala'], purpose: 'view' },
        { actor_id: w.userIds['controller.ala'], purpose: 'list' },
      ]);
    });
  });

  describe('GET and PATCH /receptions/{id}', () => {
    let sessionId: string;

    beforeAll(async () => {
      const session = await w.users.receptionAla.post('/receptions', {
        branchId: w.branches.ala, hostName: 'Депутат', hostType: 'maslikhat_deputy', startsAt: '2026-04-10T10:00:00+05:00', format: 'in_person',
      });
      expect(session.status).toBe(201);
      sessionId = session.body.id;
      const { receivedAt: _r, ...appeal } = appealInput(w);
      const visits = [
        { visitor: { fullName: 'Гость Первый', iin: VALID_IINS[0] }, topic: 'Крыша', result: 'appeal', appeal },
        { visitor: { fullName: 'Гость Второй', phone: '8 701 000 11 22' }, result: 'consultation' },
      ];
      for (const v of visits) expect((await w.users.receptionAla.post(`/receptions/${sessionId}/visits`, v)).status).toBe(201);
    });

    it('shows the session with its visits and the numbers of the appeals made there, and records the read', async () => {
      const res = await w.users.controllerAla.get(`/receptions/${sessionId}`);
      expect(res.status).toBe(200);
      const [appeal] = await t.db.query(`SELECT id, number FROM appeals WHERE reception_id = $1`, [sessionId]);
      expect(res.body).toMatchObject({ id: sessionId, hostName: 'Депутат', visitors: 2 });
      expect(res.body.visits).toEqual([
        { id: expect.any(String), visitor: { fullName: 'Гость Первый', iin: VALID_IINS[0] }, topic: 'Крыша', result: 'appeal', appealId: appeal.id, appealNumber: appeal.number },
        { id: expect.any(String), visitor: { fullName: 'Гость Второй', phone: '+77010001122' }, topic: null, result: 'consultation', appealId: null, appealNumber: null },
      ]);
      const reads = await t.db.query(`SELECT visit_id FROM personal_data_reads WHERE actor_id = $1 AND visit_id IS NOT NULL`, [w.userIds['controller.ala']]);
      expect(reads.map((r: { visit_id: string }) => r.visit_id).sort()).toEqual(res.body.visits.map((v: { id: string }) => v.id).sort());
      expect((await w.users.controllerAst.get(`/receptions/${sessionId}`)).status).toBe(404);
      expect((await w.users.analystKz.get(`/receptions/${sessionId}`)).status).toBe(403);
    });

    it('changes the end, the host’s name and the format; an end not after the start is a 400 naming endsAt', async () => {
      const res = await w.users.receptionAla.patch(`/receptions/${sessionId}`, { endsAt: '2026-04-10T13:00:00+05:00', hostName: '  Депутат маслихата ', format: 'mobile' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ endsAt: '2026-04-10T08:00:00.000Z', hostName: 'Депутат маслихата', format: 'mobile', hostType: 'maslikhat_deputy', visitors: 2 });
      expect((await w.users.controllerAla.get(`/receptions/${sessionId}`)).body).toMatchObject({ endsAt: '2026-04-10T08:00:00.000Z', format: 'mobile' });

      for (const body of [{ endsAt: '2026-04-10T10:00:00+05:00' }, { endsAt: '2026-04-09T10:00:00+05:00' }, { endsAt: 'tomorrow' }]) {
        const bad = await w.users.receptionAla.patch(`/receptions/${sessionId}`, body);
        expect(bad.status).toBe(400);
        expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'endsAt' }));
      }
      expect((await w.users.receptionAla.patch(`/receptions/${sessionId}`, { format: 'hologram' })).status).toBe(400);
      expect((await w.users.receptionAla.patch(`/receptions/${sessionId}`, { branchId: w.branches.ast })).status).toBe(400);
      expect((await w.users.controllerAst.patch(`/receptions/${sessionId}`, { hostName: 'Чужой' })).status).toBe(404);
    });
  });
});
