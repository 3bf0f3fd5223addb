import { browserSuite, expectAccessible, expectNoHorizontalScroll, newPage, screenshot } from '../support/browser';
import { PASSWORD } from '../support/world';

/** Staff sign-in and the shell, in a real browser at a phone's size. */
describe('staff sign-in and shell in the browser', () => {
  const suite = browserSuite();

  it('asks a signed-out visitor to sign in, refuses a wrong password, then shows the shell for the role', async () => {
    expect(suite.w.userIds['controller.ala']).toBeDefined();
    const { page } = await newPage(suite.browser, { locale: 'ru-RU' });
    await page.goto(suite.base + '/staff');
    await page.getByRole('heading', { level: 1, name: 'Вход для сотрудников' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-sign-in-ru');

    await page.getByLabel('Логин').fill('controller.ala');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Неверный логин или пароль.').waitFor();

    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { level: 1, name: 'Здравствуйте, Test controller.ala' }).waitFor();
    await page.getByText('Ваша роль — Контролёр филиала. Вы можете:').waitFor();
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Главная' }).waitFor();
    // The token stays in this tab only.
    expect(await page.evaluate(() => Boolean(sessionStorage.getItem('appeals.session')) && !localStorage.getItem('appeals.session'))).toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'staff-home-ru');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { level: 1, name: 'Вход для сотрудников' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('appeals.session'))).toBeNull();
    await page.close();
  });

  it('keeps staff code out of what a citizen downloads', async () => {
    const { page } = await newPage(suite.browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(suite.base + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((p) => /Staff|SignIn/.test(p))).toEqual([]);

    await page.getByRole('link', { name: 'Қызметкерлерге кіру' }).click();
    await page.getByRole('heading', { level: 1, name: 'Қызметкерлерге кіру' }).waitFor();
    expect(scripts.some((p) => /SignInPage/.test(p))).toBe(true);
    await page.close();
  });
});
