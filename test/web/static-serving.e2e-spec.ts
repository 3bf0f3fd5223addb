import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The service serves the web app at `/` (API.md v1.1) without taking any path from the API:
 * /api, /docs and /admin/queues answer as before, a missing asset is a 404 rather than the page.
 * Needs web/dist (`npm run build`).
 */
describe('web app served by the service', () => {
  let t: TestApp;
  const asset = readdirSync(join(WEB_DIST, '..', 'assets')).find((f) => /^index-.*\.js$/.test(f)) as string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serves index.html at / and at any page path, never cached, with a strict CSP', async () => {
    for (const path of ['/', '/track', '/appeal/receipt', '/staff', '/staff/some/page?x=1']) {
      const res = await t.http().get(path).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, gzipped', async () => {
    expect(asset).toBeDefined();
    const res = await t.http().get(`/assets/${asset}`).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('answers a missing asset or file with the API’s 404, not with the page', async () => {
    for (const path of ['/assets/index-gone.js', '/robots.txt']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('leaves /api, /docs and /admin/queues to the service', async () => {
    const unknown = await t.http().get('/api/v1/no-such-thing').set('Accept', 'text/html');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });

    const bare = await t.http().get('/api').set('Accept', 'text/html');
    expect(bare.status).toBe(404);
    expect(bare.headers['content-type']).toMatch(/json/);

    const health = await t.http().get('/api/v1/health');
    expect(health.headers['content-type']).toMatch(/json/);

    const docs = await t.http().get('/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.paths['/api/v1/portal/appeals']).toBeDefined();

    const queues = await t.http().get('/admin/queues').set('Accept', 'text/html');
    expect(queues.status).toBe(401);
    expect(queues.text).not.toContain('<div id="root">');
  });

  it('does not answer other methods with the page', async () => {
    const res = await t.http().post('/track').send({});
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
