import { Page } from 'playwright-core';
import { World } from './world';

/**
 * PENDING (delete after the v1.1 portal endpoints are merged): until the service answers
 * GET /portal/reference itself, the browser gets the same shape (API.md v1.1) built from the
 * world's real branches and categories read through the admin API. The real endpoint wins as soon
 * as it exists: the request goes to the server first and is only answered here on a 404.
 */
export async function answerPendingReference(page: Page, w: World): Promise<void> {
  await page.route('**/api/v1/portal/reference', async (route) => {
    const real = await route.fetch();
    if (real.status() !== 404) return route.fulfill({ response: real });
    const [categories, branches] = await Promise.all([w.admin.get('/categories'), w.admin.get('/branches')]);
    const names = (b: { name: string; names?: object }) => b.names ?? { kk: b.name, ru: b.name, en: b.name };
    await route.fulfill({
      json: {
        categories: categories.body.map((c: { id: string; code: string; names: object; parentId: string | null }) => ({ id: c.id, code: c.code, names: c.names, parentId: c.parentId })),
        branches: branches.body.map((b: { id: string; code: string; name: string; names?: object; level: string; parentId: string | null }) => ({
          id: b.id,
          code: b.code,
          names: names(b),
          level: b.level,
          parentId: b.parentId,
        })),
      },
    });
  });
}
