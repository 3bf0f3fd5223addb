import { browserSuite, DESKTOP, expectAccessible, expectNoHorizontalScroll, newPage, PHONE, screenshot, signedInPage } from '../support/browser';
import { appealInput, VALID_IINS } from '../support/world';

/** Yesterday in Almaty: a session that has started, so an appeal received there is not "in the future". */
function yesterdayInAlmaty(): string {
  const d = new Date(Date.now() + 5 * 3600_000 - 24 * 3600_000);
  return d.toISOString().slice(0, 10);
}

/**
 * The front desks in a real browser, in English: the call-centre console logs a call that makes an
 * appeal, and a reception host records a visit that makes one; every page passes axe and fits a phone.
 */
describe('call centre and receptions in the browser', () => {
  const suite = browserSuite();

  const signIn = (login: string, viewport = DESKTOP) => signedInPage(suite, login, { language: 'en', viewport });

  it('logs a call that makes an appeal, with the caller’s phone carried into it', async () => {
    const page = await signIn('operator.ala');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Call-centre console' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Take a new call' }).click();
    await page.getByRole('timer').waitFor();
    expect(await page.getByRole('timer').getAttribute('aria-live')).toBe('off');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-callerPhone');
    await page.keyboard.type('8 701 555 44 33');

    // Saving without a result names what is missing.
    await page.getByRole('button', { name: 'End and save the call' }).click();
    await page.getByText('Choose the result of the call.').first().waitFor();

    await page.getByLabel('New appeal').check();
    expect(await page.locator('#field-appeal-applicant-phone').inputValue()).toBe('8 701 555 44 33');
    await page.locator('#field-appeal-categoryId').selectOption(suite.w.categories.health);
    await page.locator('#field-appeal-branchId').selectOption(suite.w.branches.alaBos);
    await page.locator('#field-appeal-applicant-fullName').fill('Aigerim Nurlanova');
    await page.locator('#field-appeal-applicant-iin').fill(VALID_IINS[1]);
    await page.locator('#field-appeal-subject').fill('No doctor at the district clinic');
    await page.locator('#field-appeal-text').fill('The district clinic has had no therapist for two weeks.');
    await page.getByLabel('Notes').fill('Called from the clinic queue.');
    await page.waitForTimeout(1100); // the timer has ticked at least once
    expect(await page.getByRole('timer').innerText()).toMatch(/^00:0[1-9]$/);
    await expectAccessible(page);
    await screenshot(page, 'staff-call-console-en');
    await page.getByRole('button', { name: 'End and save the call' }).click();

    const saved = page.locator('#call-saved');
    await saved.getByText('The call is saved.').waitFor();
    const number = (await saved.getByRole('link').innerText()).trim();
    expect(number).toMatch(/^ALA-\d{4}-\d{6}$/);
    const list = await suite.w.users.controllerAla.get('/appeals?channel=call_centre');
    const found = list.body.items.find((a: { number: string }) => a.number === number);
    expect(found).toMatchObject({ channel: 'call_centre', applicant: expect.objectContaining({ phone: '+77015554433', fullName: 'Aigerim Nurlanova' }) });
    expect(found.callId).toBeTruthy();
    await page.context().close();
  });

  it('lists today’s calls and answers a status inquiry found by the caller’s IIN', async () => {
    await suite.w.users.operatorAla.post('/appeals', { ...appealInput(suite.w), channel: 'mail' });
    const page = await signIn('operator.ala');
    await page.goto(suite.base + '/staff/calls');
    await page.getByRole('button', { name: 'Take a new call' }).click();
    await page.keyboard.type('+7 701 123 45 67');
    await page.getByLabel('Status inquiry').check();
    await page.getByLabel('Appeal number, phone or IIN').fill(VALID_IINS[0]);
    await page.keyboard.press('Enter');
    await page.getByText('1 appeal found.').waitFor();
    await page.getByRole('button', { name: /^This is the one/ }).click();
    await page.getByRole('button', { name: 'End and save the call' }).click();
    await page.locator('#call-saved').waitFor();
    const today = page.getByRole('region', { name: "Today's calls" });
    await today.getByText('Status inquiry').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('creates a reception session from the calendar page', async () => {
    const page = await signIn('reception.ala');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Receptions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Receptions' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-receptions-en');
    await page.getByRole('button', { name: 'New reception session' }).click();
    await page.getByLabel(/^Who receives citizens/).fill('Deputy Serikbayev');
    await page.getByLabel(/^Position/).selectOption('maslikhat_deputy');
    await page.getByLabel(/^Date/).fill(yesterdayInAlmaty());
    await page.getByLabel(/^Starts at/).fill('09:00');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.waitForURL(/\/staff\/receptions\/[0-9a-f-]{36}$/);
    const sessions = await suite.w.users.receptionAla.get(`/receptions?branchId=${suite.w.branches.ala}`);
    expect(sessions.body).toEqual([expect.objectContaining({ hostName: 'Deputy Serikbayev', hostType: 'maslikhat_deputy', format: 'in_person' })]);
    await page.context().close();
  });

  it('records a visit that makes an appeal in a few keystrokes, then closes the session', async () => {
    const created = await suite.w.users.receptionAla.post('/receptions', {
      branchId: suite.w.branches.alaBos,
      hostName: 'Akim of the district',
      hostType: 'agency_head',
      format: 'in_person',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const page = await signIn('reception.ala');
    await page.goto(`${suite.base}/staff/receptions/${created.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Reception: Akim of the district' }).waitFor();
    await page.getByLabel(/^Visitor's full name/).fill('Dana Omarova');
    await page.getByLabel(/^IIN/).first().fill(VALID_IINS[2]);
    await page.getByLabel(/^Topic/).fill('Bus stop');
    await page.getByLabel('Appeal registered').check();
    expect(await page.locator('#field-appeal-applicant-fullName').inputValue()).toBe('Dana Omarova');
    await page.locator('#field-appeal-categoryId').selectOption(suite.w.categories.other);
    await page.locator('#field-appeal-text').fill('Please build a shelter at the bus stop.');
    await page.getByRole('button', { name: 'Record the visit' }).click();
    await page.getByText(/Recorded: Dana Omarova, appeal ALA-\d{4}-\d{6} registered\./).waitFor();
    // Ready for the next visitor: once the list is reloaded, the focus is back on the name.
    await page.getByRole('heading', { name: 'Visitors (1)' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'field-visitor-fullName', undefined, { timeout: 5000 });
    await expectAccessible(page);
    await screenshot(page, 'staff-reception-session-en');
    await page.getByRole('button', { name: 'Close the session now' }).click();
    await page.getByText('This session is closed.').waitFor();
    await page.context().close();
  });

  it('fits the desks’ pages on a phone (375×812) with no serious accessibility finding', async () => {
    for (const [login, path, heading, name] of [
      ['operator.ala', '/staff/calls', 'Call-centre console', 'staff-call-console-phone-en'],
      ['reception.ala', '/staff/receptions', 'Receptions', 'staff-receptions-phone-en'],
    ]) {
      const page = await signIn(login, PHONE);
      await page.goto(suite.base + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await screenshot(page, name);
      await page.context().close();
    }
  });
});
