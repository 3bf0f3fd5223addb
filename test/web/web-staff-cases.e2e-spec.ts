import { Page } from 'playwright-core';
import { browserSuite, DESKTOP, expectAccessible, expectNoHorizontalScroll, newPage, PHONE, screenshot, signedInPage } from '../support/browser';
import { appealInput } from '../support/world';

/**
 * Case work in a real browser, in Russian: a controller routes a case, the agency officer accepts,
 * asks the citizen, resumes and answers it, the controller closes it; a version conflict offers a
 * reload; every page passes axe and fits a phone.
 */
describe('staff case work in the browser', () => {
  const suite = browserSuite();

  const signIn = (login: string, viewport = DESKTOP) => signedInPage(suite, login, { language: 'ru', viewport });

  async function newCase(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    // "Other" has no routing rule: the case waits for the controller (status registered).
    const res = await suite.w.users.operatorAla.post('/appeals', { ...appealInput(suite.w, { categoryId: suite.w.categories.other, ...overrides }), channel: 'public_office' });
    expect(res.status).toBe(201);
    return { id: res.body.id, number: res.body.number };
  }

  const status = (page: Page, text: string) => page.locator('.lead strong', { hasText: text }).waitFor();

  it('routes, accepts, pauses, resumes, answers and closes a case, each step in the history', async () => {
    const c = await newCase({ subject: 'Не вывозят мусор' });
    const controller = await signIn('controller.ala');
    await controller.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Обращения' }).click();
    await controller.getByRole('heading', { level: 1, name: 'Обращения филиала' }).waitFor();
    await controller.getByRole('link', { name: /Ждут направления\s*1/ }).waitFor();
    await controller.getByText('Найдено 1 обращение.').waitFor();
    await expectAccessible(controller);
    await screenshot(controller, 'staff-cases-queues-ru');

    await controller.getByRole('link', { name: c.number }).click();
    await controller.getByRole('heading', { level: 1, name: `Обращение ${c.number}` }).waitFor();
    await status(controller, 'Ждёт направления');
    await controller.getByRole('heading', { name: 'Срок' }).waitFor();
    await controller.getByText('15 рабочих дней.', { exact: true }).waitFor();
    // Only what the state machine lets a controller do with a registered case.
    const actions = controller.getByRole('region', { name: 'Что можно сделать' }).or(controller.locator('section[aria-labelledby="actions-title"]'));
    expect(await actions.getByRole('listitem').allInnerTexts()).toEqual(['Направить', 'Отозвать']);
    await expectAccessible(controller);

    await controller.getByRole('button', { name: 'Направить', exact: true }).click();
    await controller.getByText('Ни одно правило не подходит к этой теме и филиалу.').waitFor();
    await controller.getByRole('button', { name: 'Направить обращение' }).click();
    // Nothing chosen: the error is tied to the field and the focus is on it.
    await controller.getByText('Исправьте эти поля').or(controller.locator('.error-summary')).first().waitFor();
    expect(await controller.evaluate(() => document.activeElement?.id)).toBe('field-agencyId');
    await controller.getByLabel(/^Госорган/).selectOption({ label: 'Акимат города Алматы' });
    await controller.getByRole('button', { name: 'Направить обращение' }).click();
    await controller.getByText('Готово: Направить. Теперь: Направлено в госорган.').waitFor();
    await controller.getByText('Направлено: Акимат города Алматы').waitFor();
    await expectAccessible(controller);
    await screenshot(controller, 'staff-case-routed-ru');

    const officer = await signIn('officer.ala');
    await officer.goto(`${suite.base}/staff/cases/${c.id}`);
    await status(officer, 'Направлено в госорган');
    await officer.getByRole('button', { name: 'Принять', exact: true }).click();
    await officer.getByRole('button', { name: 'Принять обращение' }).click();
    await status(officer, 'На рассмотрении');

    await officer.getByRole('button', { name: 'Запросить уточнение' }).click();
    await officer.getByRole('button', { name: 'Отправить вопрос и приостановить' }).click();
    await officer.locator('#field-reason-error').waitFor();
    await officer.getByLabel(/^Вопрос гражданину/).fill('Укажите номер квартиры.');
    await officer.getByRole('button', { name: 'Отправить вопрос и приостановить' }).click();
    await status(officer, 'Ждёт уточнения гражданина');
    await officer.getByText('У гражданина запрошено уточнение').waitFor();

    await officer.getByRole('button', { name: 'Возобновить', exact: true }).click();
    await officer.locator('#action-confirm').click();
    await status(officer, 'На рассмотрении');

    await officer.getByRole('button', { name: 'Ответить', exact: true }).click();
    await officer.getByLabel(/^Результат/).selectOption({ label: 'Отказано' });
    await officer.getByLabel(/^Текст ответа/).fill('Вывоз мусора не входит в полномочия акимата района.');
    await officer.getByRole('button', { name: 'Отправить ответ' }).click();
    // A rejection needs its legal grounds.
    await officer.getByText('Укажите правовые основания для такого результата.').first().waitFor();
    await officer.getByLabel(/^Правовые основания/).fill('Статья 89 АППК РК');
    await officer.getByRole('button', { name: 'Отправить ответ' }).click();
    await status(officer, 'Отвечено, ждёт проверки');
    await expectAccessible(officer);
    await screenshot(officer, 'staff-case-answered-ru');

    await controller.reload();
    await status(controller, 'Отвечено, ждёт проверки');
    await controller.getByRole('button', { name: 'Закрыть', exact: true }).click();
    await controller.getByRole('button', { name: 'Закрыть обращение' }).click();
    await status(controller, 'Закрыто');
    const history = await controller.locator('.timeline__what').allInnerTexts();
    expect(history).toEqual([
      'Зарегистрировано',
      'Направлено: Акимат города Алматы',
      'Принято: Акимат города Алматы',
      'У гражданина запрошено уточнение',
      'Рассмотрение возобновлено',
      'Дан ответ',
      'Закрыто',
    ]);
    await screenshot(controller, 'staff-case-closed-ru');
    await controller.context().close();
    await officer.context().close();
  });

  it('says the case changed meanwhile and reloads it', async () => {
    const c = await newCase();
    const controller = await signIn('controller.ala');
    await controller.goto(`${suite.base}/staff/cases/${c.id}`);
    await status(controller, 'Ждёт направления');
    await controller.getByRole('button', { name: 'Направить', exact: true }).click();
    await controller.getByLabel(/^Госорган/).selectOption({ label: 'Акимат города Алматы' });
    // Someone else routes it first.
    const other = await suite.w.admin.post(`/appeals/${c.id}/route`, { agencyId: suite.w.agencies.minConstruction });
    expect(other.status).toBe(200);
    await controller.getByRole('button', { name: 'Направить обращение' }).click();
    const alert = controller.getByRole('alert').filter({ hasText: 'Обращение уже изменили' });
    await alert.waitFor();
    expect(await controller.evaluate(() => document.activeElement?.id)).toBe('conflict');
    await expectAccessible(controller);
    await screenshot(controller, 'staff-case-conflict-ru');
    await alert.getByRole('button', { name: 'Обновить обращение' }).click();
    await status(controller, 'Направлено в госорган');
    await controller.getByText('Направлено: Министерство промышленности и строительства').waitFor();
    await controller.context().close();
  });

  it('shows an agency officer their inbox, most urgent first', async () => {
    const first = await newCase({ categoryId: suite.w.categories.housing, subject: 'Первое' });
    const second = await newCase({ categoryId: suite.w.categories.housing, subject: 'Второе' });
    const officer = await signIn('officer.ala');
    await officer.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Обращения' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Входящие госоргана' }).waitFor();
    await officer.getByRole('link', { name: /Принять\s*\d+/ }).waitFor();
    // Both are due the same day, the earliest due date of the inbox: either may come first.
    const numbers = await officer.locator('tbody th').allInnerTexts();
    expect(numbers.slice(0, 2).sort()).toEqual([first.number, second.number].sort());
    await expectAccessible(officer);
    await screenshot(officer, 'staff-agency-inbox-ru');
    await officer.context().close();
  });

  it('has the notice bell in the header for every role: unread count, panel, Escape gives the focus back', async () => {
    const officer = await signIn('officer.ala');
    const bell = officer.getByRole('button', { name: /^Уведомления/ });
    await bell.waitFor();
    // Cases routed to the agency earlier in this suite left it notices (API.md v1.1: a routed case is announced).
    await officer.getByRole('button', { name: /^Уведомления\s*[1-9]\d* непрочитанн/ }).waitFor();
    await bell.click();
    const panel = officer.getByRole('region', { name: 'Уведомления' });
    await panel.waitFor();
    await panel.locator('p', { hasText: /Уведомлений нет|:/ }).first().waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'staff-notice-bell-ru');
    await officer.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await officer.evaluate(() => document.activeElement?.className)).toContain('notice-bell__button');
    await officer.context().close();
  });

  it('fits every case-work page on a phone (375×812) with no serious accessibility finding', async () => {
    const c = await newCase();
    const controller = await signIn('controller.ala', PHONE);
    for (const [path, heading, name] of [
      ['/staff/cases', 'Обращения филиала', 'staff-cases-phone-ru'],
      [`/staff/cases/${c.id}`, `Обращение ${c.number}`, 'staff-case-phone-ru'],
    ]) {
      await controller.goto(suite.base + path);
      await controller.getByRole('heading', { level: 1, name: heading }).waitFor();
      await controller.locator('.loading').waitFor({ state: 'detached' });
      await expectNoHorizontalScroll(controller);
      await expectAccessible(controller);
      await screenshot(controller, name);
    }
    await controller.context().close();
  });
});
