import { ChildProcess, execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ReconcileReport } from '../src/deadlines/deadline-reconciler';
import { JOBS, QUEUES } from '../src/queue/queue-catalogue';
import { PrivatePostgres, sparePort, startNode, stopProcess, waitForPort } from './support/processes';
import { PrivateRedisCluster } from './support/redis-cluster';
import { TestApp } from './support/test-app';
import { eventually } from './support/test-worker';
import { appealInput, buildWorld, World } from './support/world';

/**
 * Beyond one machine (docs/scale-out.md): two API and two worker processes (real `node dist/…`)
 * on a 3-master Redis Cluster with a replica per master and a PostgreSQL primary with a streaming
 * replica, all private servers on spare ports. Checks that the portal limit is one limit across
 * the APIs, that intake, lifecycle and deadline jobs work on the cluster with a master killed
 * mid-run (nothing lost: the checks of bench/load, and no reconciliation had a job to recreate),
 * that a revocation reaches the other API over the cluster's pub/sub, and that reports read the
 * replica. Figures go to test-results/scale-out.json.
 */
describe('scale-out: 2 APIs and 2 workers on a Redis Cluster and a PostgreSQL primary with a streaming replica', () => {
  const JWT_SECRET = process.env.JWT_SECRET!;
  const PORTAL_LIMIT = 8;
  /** No request may hang the suite: an API that stopped answering fails the test instead. */
  const REQUEST_TIMEOUT_MS = 30_000;
  const PREFIX = `scale_${process.pid}`;
  const figures: Record<string, unknown> = {};
  let primary: PrivatePostgres | null = null;
  let replica: PrivatePostgres | undefined;
  let cluster: PrivateRedisCluster | undefined;
  let env: Record<string, string>;
  const apis: { child: ChildProcess; base: string }[] = [];
  const workers: ChildProcess[] = [];
  let w: World;
  let db: Client;

  const clientFor = (api: number) => ({ app: { getHttpServer: () => apis[api].base } }) as unknown as TestApp;

  beforeAll(async () => {
    primary = await PrivatePostgres.create();
    if (!primary) return;
    const ds = new DataSource(dataSourceOptions(primary.url, { logging: ['error'] }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    replica = await primary.replica();
    cluster = await PrivateRedisCluster.start(3, 1);
    env = {
      DATABASE_URL: primary.url,
      DATABASE_READ_URL: replica.url,
      REDIS_CLUSTER_NODES: cluster.nodes,
      REDIS_REPLICA_ACKS: '1',
      QUEUE_PREFIX: PREFIX,
      JWT_SECRET,
      NODE_ENV: 'test',
      PORTAL_RATE_LIMIT: String(PORTAL_LIMIT),
      QUEUE_LOCK_DURATION_MS: '5000',
      DEADLINE_RECONCILE_EVERY_MS: '5000',
    };
    // One after the other: the first creates the bootstrap admin.
    for (let i = 0; i < 2; i++) {
      const port = await sparePort();
      apis.push({ child: startNode('dist/src/main.js', { ...env, PORT: String(port) }), base: `http://127.0.0.1:${port}` });
      await waitForPort(port, true, 60_000);
    }
    for (let i = 0; i < 2; i++) workers.push(startNode('dist/src/worker.js', env));
    w = await buildWorld(clientFor(0));
    db = new Client({ connectionString: primary.url });
    await db.connect();
  }, 240_000);

  // Every step runs even when one before it failed, so no server outlives the suite.
  afterAll(async () => {
    const steps = [
      () => db?.end(),
      () => Promise.all([...apis.map((a) => a.child), ...workers].map((c) => stopProcess(c, 'SIGKILL'))),
      () => cluster?.stop(),
      () => replica?.destroy(),
      () => primary?.destroy(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((err: unknown) => failures.push(err));
    if (Object.keys(figures).length) {
      mkdirSync('test-results', { recursive: true });
      writeFileSync(path.join('test-results', 'scale-out.json'), JSON.stringify(figures, null, 2));
    }
    if (failures.length) throw failures[0];
  }, 120_000);

  const post = async (api: number, p: string, body: object, token?: string) => {
    const res = await fetch(`${apis[api].base}/api/v1${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const get = async (api: number, p: string, token: string) => {
    const res = await fetch(`${apis[api].base}/api/v1${p}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  /** `npm run deadlines:check` (audit) as a child process, without blocking this process's HTTP client. */
  const checkDeadlineJobs = (): Promise<{ status: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, ['dist/src/deadlines/check-deadline-jobs.js'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await db.query(sql, params)).rows[0] as T;

  it('is set up (PostgreSQL server binaries present)', () => {
    if (!primary) console.warn('no PostgreSQL server binaries: scale-out suite skipped');
    expect(apis.length === 2 || !primary).toBe(true);
  });

  it('counts the portal limit once across both APIs', async () => {
    if (!primary) return;
    const statuses: number[] = [];
    // Alternating APIs: each would allow PORTAL_LIMIT on its own, together they allow it once.
    for (let i = 0; i < PORTAL_LIMIT + 4; i++) statuses.push((await post(i % 2, '/portal/appeals', appealInput(w, { subject: `Портал ${i}` }))).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(PORTAL_LIMIT);
    expect(statuses.slice(PORTAL_LIMIT)).toEqual(Array(4).fill(429));
    figures.portalLimit = { limit: PORTAL_LIMIT, apis: 2, accepted: statuses.filter((s) => s === 201).length, refused429: statuses.filter((s) => s === 429).length };
  }, 60_000);

  it('revokes a token on the other API at once (pub/sub on the cluster)', async () => {
    if (!primary) return;
    const analyst = w.users.analystKz.token!;
    expect((await get(1, '/reports/resolution', analyst)).status).toBe(200);
    const res = await fetch(`${apis[0].base}/api/v1/users/${w.userIds['analyst.kz']}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.admin.token}` },
      body: JSON.stringify({ active: false }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    expect(res.status).toBe(200);
    await eventually(async () => (await get(1, '/reports/resolution', analyst)).status === 401, 5_000);
  }, 30_000);

  it('takes in and moves cases on both APIs while a Redis master is killed, and loses nothing', async () => {
    if (!primary || !cluster) return;
    const redis = cluster;
    const admin = w.admin.token!;
    const operator = w.users.operatorAla.token!;
    const N = 240;
    const deadlinesKey = `{${PREFIX}:deadlines}`;
    const victim = (await cluster.masterOf(deadlinesKey))!;
    const statuses: Record<string, number> = {};
    const count = (k: string) => (statuses[k] = (statuses[k] ?? 0) + 1);
    const ids: string[] = [];
    let issued = 0;
    let killedAt = 0;
    let failoverMs = 0;
    const started = Date.now();
    const oneCase = async (i: number) => {
      const res = await post(i % 2, '/appeals', { ...appealInput(w), channel: 'mail', subject: `Обращение ${i}` }, operator);
      count(String(res.status));
      if (res.status !== 201) return;
      const id = res.body.id as string;
      ids.push(id);
      const other = (i + 1) % 2;
      const act = async (name: string, body: object = {}) => {
        const r = await post(other, `/appeals/${id}/${name}`, body, admin);
        count(`${name}:${r.status}`);
        return r.status === 200;
      };
      if (i % 10 < 3 && (await act('accept')) && (await act('answer', { outcome: 'explained', text: 'Ответ заявителю' }))) await act('close');
      else if (i % 10 === 9) await act('withdraw', { reason: 'by the applicant' });
    };
    let heldInOutbox = 0;
    let degradedMs = 0;
    const failover = (async () => {
      await eventually(async () => issued >= N / 3, 120_000);
      killedAt = Date.now();
      await redis.kill(victim);
      // Failed over: the replica serves the queue's slot (after the cluster's node timeout, 3 s here).
      await eventually(async () => ((await redis.masterOf(deadlinesKey)) ?? victim) !== victim, 60_000);
      failoverMs = Date.now() - killedAt;
      await redis.waitUntilOk(60_000);
      // The promoted replica has no replica of its own: with REDIS_REPLICA_ACKS=1 the relay of its
      // queue waits, the outbox holding the rows, until the lost node is back (as its replica).
      await new Promise((r) => setTimeout(r, 3000));
      heldInOutbox = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`)).n;
      await redis.restart(victim);
      const newMaster = (await redis.masterOf(deadlinesKey))!;
      await eventually(async () => (await redis.replicasOf(newMaster)) >= 1, 60_000);
      degradedMs = Date.now() - killedAt;
    })();
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (issued < N) await oneCase(issued++);
      }),
    );
    await failover;
    const drivenMs = Date.now() - started;

    expect(statuses['201']).toBe(N);
    expect(Object.keys(statuses).filter((k) => k.includes(':') && !k.endsWith(':200'))).toEqual([]);

    // The checks of bench/load.
    const pending = () => one<{ topic: string; n: number }>(`SELECT string_agg(topic, ',') AS topic, count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
    await eventually(async () => (await pending()).n === 0, 90_000).catch(async (err: Error) => {
      throw new Error(`${err.message}: outbox still pending ${JSON.stringify(await pending())}`);
    });
    const drainedMs = Date.now() - started;
    await eventually(
      async () =>
        (
          await one<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox o WHERE o.topic = 'notification' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.outbox_id = o.id AND n.status = 'sent')`,
          )
        ).n === 0,
      90_000,
    );
    const { n: found } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM appeals WHERE id = ANY($1)`, [ids]);
    expect(found).toBe(N);
    const { n: noEvent } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM appeals a WHERE NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.type = 'registered')`,
    );
    expect(noEvent).toBe(0);
    const { n: dupes } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT outbox_id, channel FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dupes).toBe(0);
    // Every open case has its deadline jobs on the cluster: `npm run deadlines:check` (audit).
    let lastAudit = '';
    const audit = await eventually(async () => {
      const run = await checkDeadlineJobs();
      lastAudit = `exit ${run.status}: ${run.stdout.trim()} ${run.stderr.trim().slice(0, 500)}`;
      const report = run.status === 0 && (JSON.parse(run.stdout.trim().split('\n').pop()!) as { cases: number; jobsChecked: number; jobsMissing: number; casesSyncPending: number });
      return report && report.casesSyncPending === 0 && report;
    }, 90_000).catch((err: Error) => {
      throw new Error(`${err.message}: last audit ${lastAudit}`);
    });
    // Nothing acknowledged was lost: the scheduled reconciliations (every 5 s here, from before the
    // kill until now) found no job missing; each keeps its report as its return value.
    const reconciliations = await completedReconciliations(deadlinesKey);
    expect(reconciliations.length).toBeGreaterThan(0);
    expect(reconciliations.filter((r) => r.jobsRecreated > 0)).toEqual([]);
    expect(audit.jobsMissing).toBe(0);
    expect(audit.jobsChecked).toBeGreaterThan(0);
    figures.failover = { appeals: N, apis: 2, workers: 2, redisMasters: 3, killedMasterPort: victim, failoverMs, degradedMs, outboxRowsHeldWhileNoReplica: heldInOutbox, drivenMs, outboxDrainedMs: drainedMs, statuses, deadlineAudit: audit, reconciliations: { runs: reconciliations.length, jobsRecreated: 0 } };
  }, 400_000);

  it('reads reports from the replica and nothing else there', async () => {
    if (!primary || !replica) return;
    const analyst = await post(0, '/auth/login', { login: 'controller.ala', password: 'password-123' });
    const token = analyst.body.accessToken as string;
    const before = await replicaReportConnections();
    for (let api = 0; api < 2; api++) {
      const res = await get(api, '/reports/resolution?groupBy=none', token);
      expect(res.status).toBe(200);
    }
    const csv = await fetch(`${apis[1].base}/api/v1/reports/resolution?format=csv`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    expect(csv.status).toBe(200);
    const after = await replicaReportConnections();
    // Both APIs hold report connections on the replica, none on the primary.
    expect(after.connections).toBeGreaterThanOrEqual(2);
    expect(after.xactCommit).toBeGreaterThan(before.xactCommit);
    const { n: onPrimary } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'appeals-reports'`);
    expect(onPrimary).toBe(0);
    const lag = await one<{ replay_lag_ms: number | null; state: string }>(
      `SELECT state, (EXTRACT(epoch FROM replay_lag) * 1000)::int AS replay_lag_ms FROM pg_stat_replication LIMIT 1`,
    );
    expect(lag.state).toBe('streaming');
    figures.replica = { reportConnectionsOnReplica: after.connections, reportConnectionsOnPrimary: onPrimary, replayLagMsAfterRun: lag.replay_lag_ms };
  }, 60_000);

  /** The reports of the reconciliations BullMQ still keeps as completed (the last 100). */
  async function completedReconciliations(prefix: string): Promise<ReconcileReport[]> {
    const connection = cluster!.client();
    const queue = new Queue(QUEUES.deadlines, { connection, prefix });
    try {
      const jobs = await queue.getJobs(['completed']);
      return jobs.filter((j) => j?.name === JOBS.reconcileDeadlines).map((j) => j.returnvalue as ReconcileReport);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  async function replicaReportConnections(): Promise<{ connections: number; xactCommit: number }> {
    const c = new Client({ connectionString: replica!.url });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'appeals-reports') AS connections,
                (SELECT xact_commit::bigint FROM pg_stat_database WHERE datname = current_database()) AS "xactCommit"`,
      );
      return { connections: rows[0].connections, xactCommit: Number(rows[0].xactCommit) };
    } finally {
      await c.end();
    }
  }
});
