import { Page } from 'playwright-core';
import { browserSuite, expectAccessible, expectNoHorizontalScroll, newPage, screenshot } from '../support/browser';
import { VALID_IINS } from '../support/world';

/**
 * The citizens' pages in a real browser, on a phone-sized screen, walked as a person would: by the
 * labels and buttons they read, in Kazakh unless a test says otherwise.
 */
/** v1.1 endpoints built in parallel: their tests run once docs/openapi.json (kept fresh by a spec) has them. */

describe('portal in the browser', () => {
  const suite = browserSuite();

  async function openPortal(path: string, locale = 'kk-KZ'): Promise<Page> {
    const { page } = await newPage(suite.browser, { locale });
    await page.goto(suite.base + path);
    return page;
  }

  /** Fills the appeal form as a Kazakh-speaking citizen would. */
  async function fillAppeal(page: Page, subject: string, iin = VALID_IINS[0]): Promise<void> {
    await page.getByLabel('Өтініш түрі').selectOption({ label: 'Шағым' });
    await page.getByLabel('Тақырып').selectOption({ label: 'Тұрғын үй › Жөндеу' });
    await page.getByLabel('Өңір және аудан').selectOption({ label: 'Бостандыкский районный филиал' });
    await page.getByLabel('Тегі, аты, әкесінің аты').fill('Серік Ахметов');
    await page.getByLabel('ЖСН').fill(iin);
    await page.getByLabel('Телефон').fill('8 701 123 45 67');
    await page.getByLabel('Өтініш не туралы, қысқаша').fill(subject);
    await page.getByLabel('Өтініш мәтіні').fill('Абай көшесіндегі үйдің шатыры үш ай бойы ағып тұр, басқарушы компания жауап бермейді.');
  }

  const appealsWithSubject = async (subject: string) => Number((await suite.t.db.query(`SELECT count(*) AS n FROM appeals WHERE subject = $1`, [subject]))[0].n);

  it('home page says what the portal does and links to both journeys', async () => {
    const page = await openPortal('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Азаматтардың өтініштері');
    await page.getByRole('heading', { name: 'Өтініш жазу' }).waitFor();
    expect(await page.getByRole('link', { name: 'Өтініш беру' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Мәртебесін білу' }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'portal-home-kk');
    await page.close();
  });

  it('submits an appeal in Kazakh, shows the receipt and tracks it', async () => {
    const page = await openPortal('/');
    await page.getByRole('link', { name: 'Өтініш беру' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Өтініш беру' }).waitFor();
    await expectAccessible(page);
    const subject = 'Шатыр ағып тұр';
    await fillAppeal(page, subject);
    await page.getByText('14 / 300 таңба').waitFor();
    await screenshot(page, 'portal-appeal-form-kk');
    await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();

    await page.getByRole('heading', { level: 1, name: 'Өтініш тіркелді' }).waitFor();
    const facts = await page.locator('dl.facts dd').allTextContents();
    expect(facts[0]).toMatch(/^ALA-\d{4}-\d{6}$/);
    const [row] = await suite.t.db.query(`SELECT number, tracking_code AS "trackingCode", due_date::text AS "dueDate", language, channel FROM appeals WHERE subject = $1`, [subject]);
    expect(row).toMatchObject({ number: facts[0], trackingCode: facts[1], language: 'kk', channel: 'portal' });
    // The due date in Kazakh words, counted in Asia/Almaty (the browser itself runs in London time).
    const [y, m, d] = String(row.dueDate).split('-');
    const months = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
    const due = `${y} ж. ${Number(d)} ${months[Number(m) - 1]}`;
    expect(facts[2]).toBe(due);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'portal-receipt-kk');
    // Printed, the receipt is the facts alone: no site header, menu or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Басып шығару' }).isVisible()).toBe(false);
    expect(await page.getByText(facts[1] as string).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Мәртебесін білу' }).last().click();
    await page.getByRole('heading', { level: 2, name: /Өтініш/ }).waitFor();
    await page.getByText('Мемлекеттік органға жіберілді').first().waitFor();
    await page.getByText('Акимат города Алматы').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-tracking-kk');
    await page.close();
  });

  it('shows a wrong IIN next to the field as it is typed, and keeps the form from being sent', async () => {
    const page = await openPortal('/appeal');
    const subject = 'ЖСН қате';
    await fillAppeal(page, subject, '921029350852');
    const iin = page.getByLabel('ЖСН');
    await expect(await iin.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await iin.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`#${describedBy.split(' ').find((id) => id.endsWith('-error'))}`);
    expect(await error.textContent()).toContain('ЖСН-де қате бар');

    await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();
    await page.getByRole('alert').filter({ hasText: 'Мына жолдарды түзетіңіз' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('applicant.iin');
    expect(await appealsWithSubject(subject)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-appeal-form-errors-kk');

    // Corrected, the appeal goes through.
    await iin.fill(VALID_IINS[1]);
    expect(await iin.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();
    await page.getByRole('heading', { level: 1, name: 'Өтініш тіркелді' }).waitFor();
    expect(await appealsWithSubject(subject)).toBe(1);
    await page.close();
  });

  it('shows an error the API finds next to its field, in the chosen language', async () => {
    const page = await openPortal('/appeal', 'ru-RU');
    await page.getByRole('button', { name: 'Қазақша' }).waitFor();
    await page.getByLabel('Вид обращения').selectOption({ label: 'Жалоба' });
    await page.getByLabel('Тема').selectOption({ label: 'Жилье › Ремонт жилья' });
    await page.getByLabel('Регион и район').selectOption({ label: 'Бостандыкский районный филиал' });
    await page.getByLabel('Фамилия, имя, отчество').fill('Серик Ахметов');
    await page.getByLabel('ИИН').fill(VALID_IINS[2]);
    // Passes the page's simple check; the API's e-mail rule refuses it.
    await page.getByLabel('Электронная почта').fill('serik@mail.k');
    await page.getByLabel('Кратко, о чём обращение').fill('Ошибка почты');
    await page.getByLabel('Текст обращения').fill('Проверка ошибки от сервера.');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/portal/appeals') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    expect((await sent).headers()['accept-language']).toBe('ru');
    const email = page.getByLabel('Электронная почта');
    await page.waitForFunction(() => document.querySelector('[name="applicant.email"]')?.getAttribute('aria-invalid') === 'true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('applicant.email');
    const errorId = ((await email.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
    expect((await page.locator(`#${errorId}`).textContent())?.trim().length).toBeGreaterThan(0);
    expect(await appealsWithSubject('Ошибка почты')).toBe(0);
    await page.close();
  });

  it('registers one appeal when the send button is double-clicked', async () => {
    const page = await openPortal('/appeal');
    const subject = 'Екі рет басылды';
    await fillAppeal(page, subject, VALID_IINS[2]);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/portal/appeals') && r.method() === 'POST') posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Өтінішті жіберу' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Өтініш тіркелді' }).waitFor();
    expect(await appealsWithSubject(subject)).toBe(1);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(posts).size).toBe(1); // every request that left carried the same key
    await page.close();
  });

  it('remembers the chosen language and sends it to the API', async () => {
    const page = await openPortal('/track');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: 'Статус обращения' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Статус обращения' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    await page.getByLabel('Номер обращения').fill('ALA-2026-999999');
    await page.getByLabel('Код отслеживания').fill('nope');
    const asked = page.waitForRequest((r) => r.url().includes('/api/v1/portal/appeals/'));
    await page.getByRole('button', { name: 'Показать статус' }).click();
    expect((await asked).headers()['accept-language']).toBe('ru');
    await page.getByText('Обращение с таким номером и кодом не найдено').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.close();
  });

  it('shows the agency’s answer on the tracking page once it is answered', async () => {
    const created = await suite.w.anonymous.post('/portal/appeals', {
      type: 'complaint',
      categoryId: suite.w.categories.housingRepair,
      branchId: suite.w.branches.alaBos,
      subject: 'Answered case',
      text: 'Please fix the roof.',
      language: 'ru',
      applicant: { fullName: 'Asel Nurlanova', iin: VALID_IINS[1], phone: '+77011234567' },
    });
    expect(created.status).toBe(201);
    const { id, number, trackingCode } = created.body;
    expect((await suite.w.users.officerAlaAkimat.post(`/appeals/${id}/accept`, {})).status).toBe(200);
    expect((await suite.w.users.officerAlaAkimat.post(`/appeals/${id}/answer`, { outcome: 'positive', text: 'The roof will be repaired by 1 March.' })).status).toBe(200);

    const page = await openPortal('/track', 'en-GB');
    await page.getByLabel('Appeal number').fill(number);
    await page.getByLabel('Tracking code').fill(trackingCode);
    await page.getByRole('button', { name: 'Show the status' }).click();
    await page.getByText('The roof will be repaired by 1 March.').waitFor();
    await page.getByText('Resolved positively').waitFor();
    await page.getByRole('group', { name: 'Are you satisfied with the answer?' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-tracking-answered-en');
    await page.close();
  });

  /** A portal appeal taken to `paused` (or `answered`) through the staff API, as the agency would. */
  async function appealInState(state: 'paused' | 'answered', subject: string): Promise<{ id: string; number: string; trackingCode: string }> {
    const created = await suite.w.anonymous.post('/portal/appeals', {
      type: 'complaint',
      categoryId: suite.w.categories.housingRepair,
      branchId: suite.w.branches.alaBos,
      subject,
      text: 'Шатыр ағып тұр.',
      language: 'kk',
      applicant: { fullName: 'Әсел Нұрланова', iin: VALID_IINS[1], phone: '+77011234567' },
    });
    expect(created.status).toBe(201);
    const { id, number, trackingCode } = created.body;
    const officer = suite.w.users.officerAlaAkimat;
    expect((await officer.post(`/appeals/${id}/accept`, {})).status).toBe(200);
    if (state === 'paused') expect((await officer.post(`/appeals/${id}/pause`, { reason: 'Үйдің нөмірін нақтылаңыз' })).status).toBe(200);
    else expect((await officer.post(`/appeals/${id}/answer`, { outcome: 'explained', text: 'Жөндеу 1 наурызға дейін жасалады.' })).status).toBe(200);
    return { id, number, trackingCode };
  }

  async function track(page: Page, number: string, trackingCode: string): Promise<void> {
    await page.getByLabel('Өтініш нөмірі').fill(number);
    await page.getByLabel('Бақылау коды').fill(trackingCode);
    await page.getByRole('button', { name: 'Мәртебесін көрсету' }).click();
  }

  it('asks for the citizen’s clarification while the agency waits for it', async () => {
    const { number, trackingCode } = await appealInState('paused', 'Нақтылау күтілуде');
    const page = await openPortal('/track');
    await track(page, number, trackingCode);
    await page.getByText('Сізден нақтылау күтілуде').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Сіздің нақтылауыңыз қажет' }).waitFor();
    await page.getByLabel('Сіздің жауабыңыз').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'portal-tracking-paused-kk');
    await page.close();
  });

  it('sends the clarification, which the agency receives', async () => {
    const { id, number, trackingCode } = await appealInState('paused', 'Нақтылау жіберіледі');
    const page = await openPortal('/track');
    await track(page, number, trackingCode);
    await page.getByText('Үйдің нөмірін нақтылаңыз').waitFor();
    await page.getByLabel('Сіздің жауабыңыз').fill('Абай көшесі, 12-үй.');
    await page.getByRole('button', { name: 'Нақтылауды жіберу' }).click();
    await page.getByText('Нақтылау жіберілді. Қарау жалғасады.').waitFor();
    const events = await suite.t.db.query(`SELECT type FROM appeal_events WHERE appeal_id = $1`, [id]);
    expect(events.map((e: { type: string }) => e.type)).toContain('clarification_received');
    await page.close();
  });

  it('takes the citizen’s rating once after the answer', async () => {
    const { number, trackingCode } = await appealInState('answered', 'Баға беріледі');
    const page = await openPortal('/track');
    await track(page, number, trackingCode);
    await page.getByText('Жөндеу 1 наурызға дейін жасалады.').waitFor();
    await page.getByRole('group', { name: 'Жауапқа көңіліңіз толды ма?' }).getByLabel('Иә, көңілім толды').check();
    await page.getByRole('button', { name: 'Бағаны жіберу' }).click();
    await page.getByText('Бағаңызға рақмет.').waitFor();

    await page.reload();
    await track(page, number, trackingCode);
    await page.getByLabel('Жоқ, көңілім толмады').check();
    await page.getByRole('button', { name: 'Бағаны жіберу' }).click();
    await page.getByText('Бұл өтініштің жауабын бағалап қойдыңыз.').waitFor();
    await page.close();
  });
});
