import { INestApplicationContext } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { PrivatePostgres, sparePort, startNode, startRedis, stopProcess, waitForPort } from './support/processes';
import { urlFor } from './support/template-database';
import { startTestApp, TestApp } from './support/test-app';
import { eventually, startTestWorker } from './support/test-worker';
import { appealInput, buildWorld, World } from './support/world';

/**
 * Faults (issue 6.4), each with a pass/fail: Redis stopped during intake, SIGTERM on the API
 * during load, Postgres restarted under a running API. Every server stopped here is a private
 * instance on a spare port; the shared PostgreSQL (5432) and Redis (6379) are never touched.
 */
describe('faults', () => {
  const JWT_SECRET = process.env.JWT_SECRET!;

  describe('Redis stopped during intake', () => {
    let redisPort: number;
    let redis: ChildProcess | undefined;
    let t: TestApp;
    let w: World;
    let worker: INestApplicationContext | undefined;

    beforeAll(async () => {
      redisPort = await sparePort();
      redis = await startRedis(redisPort);
      t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${redisPort}/0` });
      w = await buildWorld(t);
    });
    afterAll(async () => {
      await worker?.close();
      await t?.close();
      await stopProcess(redis);
    });

    it('keeps answering 201 while Redis is down, and relays every notification once it is back', async () => {
      const register = () => w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' });
      expect((await register()).status).toBe(201);

      await stopProcess(redis);
      await waitForPort(redisPort, false);
      const health = await t.http().get('/api/v1/health');
      expect(health.status).toBe(503);
      expect(health.body.details.redis.status).toBe('down');
      const during = await Promise.all(Array.from({ length: 20 }, register));
      expect(during.map((r) => r.status)).toEqual(Array(20).fill(201));
      const ids = during.map((r) => r.body.id);
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM outbox WHERE appeal_id = ANY($1) AND relayed_at IS NULL`, [ids]);
      expect(pending).toBeGreaterThanOrEqual(40); // receipt + routed (+ deadlines) per appeal, none relayed

      redis = await startRedis(redisPort);
      worker = await startTestWorker(t, { REDIS_URL: `redis://127.0.0.1:${redisPort}/0` });

      await eventually(async () => {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE appeal_id = ANY($1) AND topic = 'notification' AND relayed_at IS NULL`, [ids]);
        return n === 0;
      }, 30_000);
      const sent = await eventually(async () => {
        const rows: { n: number }[] = await t.db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE appeal_id = ANY($1) AND status = 'sent' GROUP BY appeal_id`,
          [ids],
        );
        return rows.length === 20 && rows.every((r) => r.n === 2) && rows;
      }, 30_000);
      expect(sent).toHaveLength(20);
      const [{ dupes }] = await t.db.query(
        `SELECT count(*)::int AS dupes FROM (SELECT outbox_id, channel FROM notifications WHERE appeal_id = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1) d`,
        [ids],
      );
      expect(dupes).toBe(0);
      expect((await t.http().get('/api/v1/health')).status).toBe(200);
    }, 90_000);
  });

  describe('worker killed with SIGKILL mid-job', () => {
    let t: TestApp;
    let w: World;
    let child: ChildProcess | undefined;
    let worker: INestApplicationContext | undefined;
    afterAll(async () => {
      await stopProcess(child, 'SIGKILL');
      await worker?.close();
      await t?.close();
    });

    it('retries the jobs it held once their lock expires, and every effect happens once', async () => {
      t = await startTestApp();
      w = await buildWorld(t);
      const register = () => w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' });
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push(...(await Promise.all(Array.from({ length: 25 }, register))).map((r) => r.body.id));
      const [{ expected }] = await t.db.query(`SELECT count(*)::int AS expected FROM outbox WHERE topic = 'notification'`);
      expect(expected).toBe(400); // receipt + forwarded for each of 200 appeals

      const env = { DATABASE_URL: urlFor(t.databaseName), QUEUE_PREFIX: t.queuePrefix, JWT_SECRET, NODE_ENV: 'test', QUEUE_LOCK_DURATION_MS: '2000' };
      child = startNode('dist/src/worker.js', env);
      const sentCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE status = 'sent'`))[0].n as number;
      // Bounds for a starved machine: beside the scale-out suite (12 servers and 4 Node processes on
      // the same cores) the worker's start alone has taken over 30 s; alone it sends 40 within 5 s.
      await eventually(async () => (await sentCount()) >= 40, 90_000);
      await stopProcess(child, 'SIGKILL');
      const atKill = await sentCount();
      expect(atKill).toBeLessThan(expected); // it died with work left, some of it in hand

      worker = await startTestWorker(t, { QUEUE_LOCK_DURATION_MS: '2000' });
      await eventually(async () => (await sentCount()) === expected, 60_000);

      const [{ dupes }] = await t.db.query(`SELECT count(*)::int AS dupes FROM (SELECT outbox_id, channel FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`);
      expect(dupes).toBe(0);
      await eventually(async () => (await t.db.query(`SELECT count(*)::int AS n FROM deadline_schedules WHERE cardinality(job_ids) > 0`))[0].n === ids.length, 30_000);
    }, 240_000);
  });

  describe('SIGTERM on the API during load', () => {
    let t: TestApp;
    let w: World;
    let api: ChildProcess | undefined;
    afterAll(async () => {
      await stopProcess(api, 'SIGKILL');
      await t?.close();
    });

    it('finishes the requests in flight, writes nothing by halves and exits 0', async () => {
      t = await startTestApp();
      w = await buildWorld(t);
      const port = await sparePort();
      api = startNode('dist/src/main.js', { PORT: String(port), DATABASE_URL: urlFor(t.databaseName), QUEUE_PREFIX: t.queuePrefix, JWT_SECRET, NODE_ENV: 'test' });
      await waitForPort(port, true, 30_000);
      const exited = new Promise<string>((resolve) => api!.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
      const body = JSON.stringify({ ...appealInput(w), channel: 'mail' });
      const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM appeals`);

      let answered = 0;
      const outcomes: (number | 'refused')[] = [];
      const fire = async () => {
        for (let i = 0; i < 30; i++) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/v1/appeals`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${w.users.operatorAla.token}` },
              body,
            });
            await res.arrayBuffer();
            outcomes.push(res.status);
            if (++answered === 60) api!.kill('SIGTERM');
          } catch {
            outcomes.push('refused'); // connection refused or closed before a request was sent
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, fire));
      expect(await exited).toBe('0');

      const created = outcomes.filter((o) => o === 201).length;
      expect(outcomes.filter((o) => o !== 201 && o !== 'refused')).toEqual([]); // no 5xx while draining
      expect(created).toBeGreaterThanOrEqual(60);
      expect(outcomes.length).toBe(240);
      const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM appeals`);
      expect(after - before).toBe(created); // every answered 201 is there, nothing without its answer
      const [{ orphans }] = await t.db.query(
        `SELECT count(*)::int AS orphans FROM appeals a
          WHERE NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.type = 'registered')
             OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.appeal_id = a.id)`,
      );
      expect(orphans).toBe(0);
    }, 120_000);
  });

  describe('Postgres restarted under a running API', () => {
    let pg: PrivatePostgres | null = null;
    let api: ChildProcess | undefined;
    afterAll(async () => {
      await stopProcess(api, 'SIGKILL');
      await pg?.destroy();
    });

    it('answers 503 on health while it is down and recovers by itself', async () => {
      pg = await PrivatePostgres.create();
      if (!pg) return console.warn('no PostgreSQL server binaries: skipped');
      const ds = new DataSource(dataSourceOptions(pg.url, { logging: ['error'] }));
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();

      const port = await sparePort();
      api = startNode('dist/src/main.js', { PORT: String(port), DATABASE_URL: pg.url, QUEUE_PREFIX: `fault_pg_${process.pid}`, JWT_SECRET, NODE_ENV: 'test' });
      await waitForPort(port, true, 30_000);
      const base = `http://127.0.0.1:${port}/api/v1`;
      const health = async () => (await fetch(`${base}/health`)).status;
      expect(await health()).toBe(200);

      await pg.stop();
      expect(await health()).toBe(503);
      const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'admin-password' }) });
      expect(login.status).toBe(503); // UNAVAILABLE in the contract's body, not a 500
      expect(await login.json()).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });

      await pg.start();
      await eventually(async () => (await health()) === 200, 20_000);
      const token = await eventually(async () => {
        const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'admin-password' }) });
        return res.status === 200 && ((await res.json()) as { accessToken: string }).accessToken;
      }, 20_000);
      const admin = async (path: string, body: object) => {
        const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as { id: string } };
      };
      const branch = await admin('/branches', { code: 'KZ', name: 'Центральный аппарат', level: 'central' });
      const category = await admin('/categories', { code: 'HOUSING', names: { kk: 'Тұрғын үй', ru: 'Жилье', en: 'Housing' } });
      expect([branch.status, category.status]).toEqual([201, 201]);
      const w = { branches: { alaBos: branch.body.id }, categories: { housingRepair: category.body.id } } as unknown as World;
      const appeal = await admin('/appeals', { ...appealInput(w), channel: 'mail' });
      expect(appeal.status).toBe(201);
    }, 120_000);
  });
});
