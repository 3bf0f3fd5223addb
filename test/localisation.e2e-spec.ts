import type { Response } from 'supertest';
import { API_PREFIX } from '../src/app-setup';
import { Locale, MessageKey, translate } from '../src/common/i18n';
import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';

/**
 * API.md v1.1 "Localisation": what a citizen gets wrong on the portal, answered in the language their
 * browser asks for (Accept-Language, q-values honoured, Russian by default), each detail with a stable code.
 */
describe('localised errors', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
  const CYRILLIC = /[а-яё]/i;
  const looksLike: Record<Locale, (text: string) => boolean> = {
    kk: (text) => KAZAKH_LETTERS.test(text),
    ru: (text) => CYRILLIC.test(text) && !KAZAKH_LETTERS.test(text),
    en: (text) => /[a-z]/i.test(text) && !CYRILLIC.test(text),
  };

  /** Accept-Language as browsers send it → the language expected. */
  const languages: [string | undefined, Locale][] = [
    ['kk', 'kk'],
    ['kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.5', 'kk'],
    ['ru', 'ru'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['kk;q=0.2,en;q=0.8', 'en'],
    [undefined, 'ru'],
    ['de', 'ru'],
  ];

  /** [what the citizen did, the body, the field named, its detail code, the catalogue message with its arguments]. */
  const mistakes: [string, () => Record<string, unknown> | string, string, string, [MessageKey, Record<string, string | number>?]][] = [
    ['a typo in the IIN', () => withApplicant({ iin: '921029350852' }), 'applicant.iin', 'iin.checksum', ['detail.iin.checksum']],
    ['a company BIN instead of an IIN', () => withApplicant({ iin: '940140000385' }), 'applicant.iin', 'iin.not_individual', ['detail.iin.not_individual']],
    ['an IIN with an impossible birth date', () => withApplicant({ iin: '921329350851' }), 'applicant.iin', 'iin.birth_date', ['detail.iin.birth_date']],
    ['a phone number cut short', () => withApplicant({ phone: '8 (701) 123-45' }), 'applicant.phone', 'phone.invalid', ['detail.phone.invalid']],
    ['a Russian phone number', () => withApplicant({ phone: '+7 916 123 45 67' }), 'applicant.phone', 'phone.not_kazakh', ['detail.phone.not_kazakh']],
    ['an e-mail without a domain', () => withApplicant({ email: 'serik@' }), 'applicant.email', 'email.invalid', ['detail.email.invalid']],
    ['an empty subject', () => body({ subject: '' }), 'subject', 'required', ['detail.required']],
    ['a subject of spaces', () => body({ subject: '    ' }), 'subject', 'required', ['detail.required']],
    ['a subject of zero-width spaces', () => body({ subject: '\u200B\u200B\uFEFF' }), 'subject', 'blank', ['detail.blank']],
    ['a name of direction overrides', () => withApplicant({ fullName: '\u202E\u2066\u2069' }), 'applicant.fullName', 'blank', ['detail.blank']],
    ['a subject too long', () => body({ subject: 'ы'.repeat(301) }), 'subject', 'too_long', ['detail.too_long', { max: 300 }]],
    ['a text too long', () => body({ text: 'ә'.repeat(10001) }), 'text', 'too_long', ['detail.too_long', { max: 10000 }]],
    ['no name', () => withApplicant({ fullName: undefined }), 'applicant.fullName', 'required', ['detail.required']],
    ['no way to answer', () => withApplicant({ phone: undefined, email: undefined }), 'applicant.phone', 'required', ['detail.phone_or_email']],
    ['an unknown field', () => body({ comment: 'срочно' }), 'comment', 'unknown_field', ['detail.unknown_field']],
    ['a field named __proto__', () => JSON.stringify(body()).replace(/^\{/, '{"__proto__":{"admin":true},'), '__proto__', 'unknown_field', ['detail.unknown_field']],
    ['a bad type', () => body({ type: 'petition' }), 'type', 'invalid_enum', ['detail.invalid_enum', { values: 'statement, complaint, proposal, request, response, report' }]],
    ['a bad language', () => body({ language: 'en' }), 'language', 'invalid_enum', ['detail.invalid_enum', { values: 'kk, ru' }]],
    ['a category that is not an id', () => body({ categoryId: 'жилье' }), 'categoryId', 'invalid_uuid', ['detail.invalid_uuid']],
  ];

  function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return appealInput(w, overrides);
  }
  function withApplicant(overrides: Record<string, unknown>): Record<string, unknown> {
    const input = appealInput(w);
    const applicant = { ...(input.applicant as Record<string, unknown>), ...overrides };
    for (const key of Object.keys(applicant)) if (applicant[key] === undefined) delete applicant[key];
    return { ...input, applicant };
  }

  function submit(payload: Record<string, unknown> | string, acceptLanguage: string | undefined) {
    let req = t.http().post(`/${API_PREFIX}/portal/appeals`).set('Content-Type', 'application/json');
    if (acceptLanguage !== undefined) req = req.set('Accept-Language', acceptLanguage);
    return req.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  const table = mistakes.flatMap(([what, payload, field, code, message]) =>
    languages.map(([header, locale]) => [what, String(header), locale, payload, field, code, message] as const),
  );

  it.each(table)('%s, Accept-Language: %s → 400 in %s, naming the field with its code', async (_what, header, locale, payload, field, code, [key, params]) => {
    const res = await submit(payload(), header === 'undefined' ? undefined : header);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const detail = res.body.details.find((d: { field: string }) => d.field === field);
    expect(detail).toEqual({ field, code, message: translate(locale, key, params) });
    for (const d of res.body.details) expect(looksLike[locale](d.message)).toBe(true);
    expect(res.body.message).toContain(`${field}: ${detail.message}`);
  });

  it('the same mistake reads differently in each language but carries the same code', async () => {
    const answers = await Promise.all((['kk', 'ru', 'en'] as const).map((l) => submit(withApplicant({ iin: '921029350852' }), l)));
    const details = answers.map((r) => r.body.details[0]);
    expect(new Set(details.map((d) => d.code))).toEqual(new Set(['iin.checksum']));
    expect(new Set(details.map((d) => d.message)).size).toBe(3);
    expect(details[1].message).toBe('ИИН введён с ошибкой: проверьте последнюю цифру');
  });

  it('a limit is in the message, with the right plural', async () => {
    const res = await submit(body({ subject: 'ы'.repeat(301) }), 'ru');
    expect(res.body.details[0].message).toBe('Слишком длинно: не более 300 символов');
  });

  /** Errors that are not about a field: their generic message per code. */
  const generic: [string, () => Promise<Response>, number, string][] = [
    ['no token', () => w.anonymous.get('/appeals'), 401, 'UNAUTHORIZED'],
    ['a role that may not', () => w.users.analystKz.post('/appeals', { ...body(), channel: 'mail' }), 403, 'FORBIDDEN'],
    ['an appeal that does not exist', () => w.admin.get('/appeals/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND'],
    ['a tracking code that does not match', () => w.anonymous.get('/portal/appeals/ALA-2026-000001?trackingCode=nope'), 404, 'NOT_FOUND'],
  ];

  it.each(generic.flatMap(([what, call, status, code]) => languages.map(([header, locale]) => [what, String(header), locale, call, status, code] as const)))(
    '%s, Accept-Language: %s → the message in %s',
    async (_what, header, locale, call, status, code) => {
      let req = call();
      if (header !== 'undefined') req = (req as unknown as { set: (k: string, v: string) => Promise<Response> }).set('Accept-Language', header);
      const res = await req;
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(looksLike[locale](res.body.message)).toBe(true);
      if (locale !== 'en') expect(res.body.message).toBe(translate(locale, `error.${code}` as MessageKey));
    },
  );

  it('malformed JSON is answered in the asked language too', async () => {
    const res = await submit('{"type":', 'kk');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'body', code: 'malformed_json', message: translate('kk', 'detail.malformed_json') }]);
  });

  describe('branch and agency names in kk, ru and en', () => {
    const names = { kk: 'Медеу аудандық филиалы', ru: 'Медеуский районный филиал', en: 'Medeu District Branch' };

    it('POST /branches as in API.md v1 ({code, name, level, parentId}) still works; the name stands in all three languages', async () => {
      const res = await w.admin.post('/branches', { code: 'ALA-TRK', name: 'Турксибский районный филиал', level: 'district', parentId: w.branches.ala });
      expect(res.status).toBe(201);
      const v1Name = 'Турксибский районный филиал';
      expect(res.body).toMatchObject({ name: v1Name, names: { kk: v1Name, ru: v1Name, en: v1Name } });
    });

    it('POST /branches with names: name is the Russian one, and GET /branches lists the names', async () => {
      const res = await w.admin.post('/branches', { code: 'ALA-MED', names, level: 'district', parentId: w.branches.ala });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'ALA-MED', name: names.ru, names });
      const list = await w.users.analystKz.get(`/branches?parentId=${w.branches.ala}`);
      expect(list.body.find((b: { code: string }) => b.code === 'ALA-MED')).toMatchObject({ name: names.ru, names });
      for (const b of list.body) expect(Object.keys(b.names).sort()).toEqual(['en', 'kk', 'ru']);
    });

    it.each([
      ['neither name nor names', { code: 'X1' }, 'name', 'required'],
      ['a name that is not names.ru', { code: 'X2', name: 'Другое', names }, 'name', 'name_mismatch'],
      ['names without en', { code: 'X3', names: { kk: names.kk, ru: names.ru } }, 'names.en', 'required'],
      ['an English name of invisible characters', { code: 'X4', names: { ...names, en: '\u200B' } }, 'names.en', 'blank'],
      ['an unknown language', { code: 'X5', names: { ...names, de: 'Medeu' } }, 'names.de', 'unknown_field'],
    ])('%s → 400 naming %s', async (_what, body, field, code) => {
      const res = await w.admin.post('/branches', { level: 'district', parentId: w.branches.ala, ...body }).set('Accept-Language', 'kk');
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({ field, code, message: translate('kk', `detail.${code}` as MessageKey, {}) });
    });

    it('POST /agencies takes names too, and GET /agencies returns them', async () => {
      const agency = { kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігі', ru: 'Министерство здравоохранения Республики Казахстан', en: 'Ministry of Healthcare of the Republic of Kazakhstan' };
      const res = await w.admin.post('/agencies', { code: 'MIN-HEALTH-2', names: agency });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: agency.ru, names: agency, branchId: null });
      const list = await w.admin.get('/agencies');
      expect(list.body.find((a: { code: string }) => a.code === 'MIN-HEALTH-2')).toMatchObject({ names: agency });
      const v1 = list.body.find((a: { id: string }) => a.id === w.agencies.alaAkimat);
      expect(v1.names).toEqual({ kk: v1.name, ru: v1.name, en: v1.name });
    });
  });
});
