/**
 * Deadline jobs at scale: `npm run bench:deadlines -- [cases]` (default 250,000 open cases; each
 * keeps one pending job, its next moment, so 250,000 jobs; BENCH_ALL_MOMENTS=1 also times the
 * baseline `addBulk` of every planned moment, the four jobs per case of the layout before).
 *
 * One session, one machine, a redis-server of its own on a spare port (its memory is the jobs'
 * alone) and a database of its own (BENCH_DATABASE_URL, default
 * postgres://appeals:appeals@127.0.0.1:5432/appeals_bench_deadlines, dropped and recreated):
 *  1. baseline: BullMQ's own `addBulk` of the same jobs (same ids, payloads, delays);
 *  2. schedule: the product's path: one outbox row per case, relayed and synced by the real worker;
 *  3. memory per pending job, for both;
 *  4. reschedule after a calendar change: a holiday declared on a day inside BENCH_RESCHEDULE
 *     (default 100,000) cases' terms, through the worker until every moved job is in Redis (with the
 *     CPU time Redis and this process spent meanwhile: the rest is Postgres's and other processes');
 *  5. rebuild: FLUSHALL, then the reconciliation recreates every job from Postgres.
 *
 * The npm script runs it with the worker process's young-generation size (`--max-semi-space-size`,
 * as `start:worker:prod`), the baseline included: both run in this one process.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PrivateRedis } from '../../test/support/private-redis';

const CASES = Number(process.argv[2] ?? 250_000);
const RESCHEDULE = Number(process.env.BENCH_RESCHEDULE ?? Math.min(100_000, Math.floor(CASES * 0.4)));
const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://appeals:appeals@127.0.0.1:5432/appeals_bench_deadlines';
const PREFIX = 'bench';
const CHUNK = 20_000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const redis = await PrivateRedis.start();
  Object.assign(process.env, {
    DATABASE_URL: DB_URL,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    DEADLINE_RECONCILE_EVERY_MS: String(24 * 3600_000),
  });
  // Imported after the environment is set: the config module reads it at load.
  const { dataSourceOptions } = await import('../../src/database/data-source-options');
  const { seedReferenceData } = await import('../../src/seed/seed-reference-data');
  const { WorkerModule } = await import('../../src/worker.module');
  const { CalendarService } = await import('../../src/calendar/calendar.service');
  const { WorkingCalendar } = await import('../../src/calendar/working-calendar');
  const { DeadlineReconciler } = await import('../../src/deadlines/deadline-reconciler');
  const { DeadlinePlanner } = await import('../../src/deadlines/deadline-planner');
  const { planDeadlineMoments, nextDeadlineJob } = await import('../../src/deadlines/deadline-plan');
  const { loadDeadlineCases, runningCaseIdsAfter, idRanges } = await import('../../src/deadlines/deadline-cases');
  /** Every case whose clock runs, 5,000 at a time. */
  const runningCases = async function* () {
    const [all] = idRanges(1);
    for (let after = all.after; ; ) {
      const ids = await runningCaseIdsAfter(ds.manager, after, all.upTo, 5000);
      if (!ids.length) return;
      after = ids[ids.length - 1];
      yield await loadDeadlineCases(ds.manager, ids);
    }
  };
  const { toQueuedJob } = await import('../../src/deadlines/deadline-jobs');
  const { JOBS, RECONCILE_SCHEDULER_ID, outboxJobId } = await import('../../src/queue/queue-catalogue');

  await recreateDatabase();
  const ds = new DataSource(dataSourceOptions(DB_URL, { logging: ['error'], extra: { max: 8, statement_timeout: 0 } }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedReferenceData(ds);

  const client = redis.client();
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
  const redisCpuSeconds = async () => {
    const info = await client.info('cpu');
    return Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]);
  };
  /**
   * CPU seconds spent from now until the returned function is called, by Postgres (every process of
   * the server on this machine, from /proc), Redis and this process (the worker and the bench).
   */
  const cpuMeter = async () => {
    const [pgBefore, redisBefore, ownBefore] = [postgresCpuSeconds(), await redisCpuSeconds(), process.cpuUsage()];
    return async () => {
      const own = process.cpuUsage(ownBefore);
      return `CPU meanwhile: Postgres ${(postgresCpuSeconds() - pgBefore).toFixed(1)} s, Redis ${((await redisCpuSeconds()) - redisBefore).toFixed(1)} s, this process (worker and bench) ${seconds((own.user + own.system) / 1000)} s`;
    };
  };
  const queueCounts = (q: Queue) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  const results: string[] = [];
  const report = (line: string) => {
    results.push(line);
    console.log(line);
  };

  const deadlines = new Queue('deadlines', { connection: { host: '127.0.0.1', port: redis.port }, prefix: PREFIX });
  const syncs = new Queue('deadline-syncs', { connection: { host: '127.0.0.1', port: redis.port }, prefix: PREFIX });
  /**
   * The worker reconciles at start and on its schedule; here the phases are measured apart, so the
   * schedule's first run is put a day ahead (the worker's own upsert keeps an existing slot).
   */
  const postponeReconciliation = () =>
    deadlines.upsertJobScheduler(RECONCILE_SCHEDULER_ID, { every: 24 * 3600_000, startDate: Date.now() + 24 * 3600_000 }, { name: JOBS.reconcileDeadlines });

  // ---- data: CASES open cases received over the last two weeks, all due in the future.
  const calendar = new WorkingCalendar(await ds.query(`SELECT day AS date, kind FROM calendar_days`));
  const [policy] = await ds.query(
    `SELECT decision_workdays AS "decisionWorkdays", forwarding_workdays AS "forwardingWorkdays", reminder_lead_workdays AS "reminderLeadWorkdays",
            escalation_workdays AS "escalationWorkdays" FROM deadline_policies WHERE appeal_type = 'complaint'`,
  );
  const today = new Date().toISOString().slice(0, 10);
  const receiptDays: string[] = [];
  for (let d = calendar.subtractWorkingDays(today, 10); d <= today; d = calendar.addWorkingDays(d, 1)) receiptDays.push(d);
  let t = Date.now();
  for (let start = 0; start < CASES; start += CHUNK) {
    const n = Math.min(CHUNK, CASES - start);
    const received = Array.from({ length: n }, (_, i) => receiptDays[(start + i) % receiptDays.length]);
    await ds.query(
      `WITH b AS (SELECT array_agg(id ORDER BY code) ids FROM branches WHERE level = 'district'),
            c AS (SELECT array_agg(id ORDER BY code) ids FROM categories WHERE parent_id IS NOT NULL),
            a AS (SELECT array_agg(id ORDER BY code) ids FROM agencies)
       INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, agency_id, subject, text, language,
                            anonymous, received_at, received_on, due_date)
       SELECT 'BENCH-' || ($1 + g), 'T', 'portal', 'complaint', 'in_progress', c.ids[1 + g % cardinality(c.ids)],
              b.ids[1 + g % cardinality(b.ids)], a.ids[1 + g % cardinality(a.ids)], 'S', 'T', 'ru', true,
              r.day + time '10:00', r.day, r.due
         FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS r(day, due, g), b, c, a`,
      [start, received, received.map((d) => calendar.addWorkingDays(d, 15))],
    );
  }
  report(`loaded ${CASES.toLocaleString('en')} open cases in ${seconds(Date.now() - t)} s`);
  // Statistics as autovacuum keeps them in production; freshly bulk-loaded they would still say "empty
  // table", and the recompute's keyset walk would scan every matching case for each page.
  await ds.query(`ANALYZE`);

  // ---- 1. baseline: BullMQ's own bulk add of the very jobs the product queues (nothing of the product runs).
  type Planned = NonNullable<ReturnType<typeof nextDeadlineJob>>;
  const everyMoment: Planned[] = [];
  const queued: Planned[] = [];
  for await (const cases of runningCases()) {
    for (const c of cases) {
      const moments = planDeadlineMoments(c, policy, calendar, 'Asia/Almaty');
      // Each moment as the job it would be if it were queued (the layout before: every moment queued).
      if (process.env.BENCH_ALL_MOMENTS === '1') everyMoment.push(...moments.map((m) => nextDeadlineJob([m])!));
      const next = nextDeadlineJob(moments);
      if (next) queued.push(next);
    }
  }
  const addBulkOf = async (name: string, jobs: Planned[]) => {
    const q = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port }, prefix: PREFIX });
    const memBefore = await usedMemory();
    const start = Date.now();
    for (let i = 0; i < jobs.length; i += 1000) await q.addBulk(jobs.slice(i, i + 1000).map((j) => toQueuedJob(j, start)));
    const ms = Date.now() - start;
    const bytes = (await usedMemory()) - memBefore;
    await q.close();
    await client.flushall();
    report(
      `baseline addBulk (${name}): ${jobs.length.toLocaleString('en')} jobs in ${seconds(ms)} s (${Math.round(jobs.length / (ms / 1000))} jobs/s), ` +
        `${Math.round(bytes / jobs.length)} bytes/job`,
    );
    return ms;
  };
  if (everyMoment.length) await addBulkOf('every-moment', everyMoment);
  everyMoment.length = 0;
  const baselineMs = await addBulkOf('baseline', queued);
  queued.length = 0;
  await postponeReconciliation();

  // ---- 2. schedule through the product: outbox rows (as intake writes them), relayed and synced by the worker.
  await ds.query(`INSERT INTO outbox (topic, appeal_id) SELECT 'deadlines', id FROM appeals`);
  const memStart = await usedMemory();
  t = Date.now();
  const scheduleCpu = await cpuMeter();
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  await settle(ds, [deadlines, syncs]);
  const scheduleMs = Date.now() - t;
  const delayed = (await queueCounts(deadlines)).delayed;
  const productBytes = (await usedMemory()) - memStart;
  const oneJob = (await deadlines.getDelayed(0, 10)).find((j) => j.name === JOBS.deadlineFired)!;
  const encoding = await client.object('ENCODING', deadlines.toKey(oneJob.id!));
  report(
    `schedule via outbox + worker: ${delayed.toLocaleString('en')} jobs in ${seconds(scheduleMs)} s (${Math.round(delayed / (scheduleMs / 1000))} jobs/s), ` +
      `${(scheduleMs / baselineMs).toFixed(2)}x the baseline; ${Math.round(productBytes / delayed)} bytes/job in Redis (job hash encoding: ${encoding}); ${await scheduleCpu()}`,
  );

  // ---- 4. a holiday inside RESCHEDULE cases' terms.
  const dues: { due: string }[] = await ds.query(`SELECT due_date AS due FROM appeals ORDER BY due_date DESC OFFSET $1 LIMIT 1`, [RESCHEDULE - 1]);
  let day = dues[0].due;
  if (!calendar.isWorkingDay(day)) day = calendar.nextWorkingDay(day);
  const [{ affected }] = await ds.query(`SELECT count(*)::int AS affected FROM appeals WHERE due_date >= $1`, [day]);
  t = Date.now();
  const rescheduleCpu = await cpuMeter();
  await worker.get(CalendarService).setDay(day, { kind: 'holiday', name: 'Bench holiday' });
  await eventuallyTrue(async () => (await ds.query(`SELECT count(*)::int AS n FROM appeal_events WHERE type = 'due_date_recomputed'`))[0].n >= affected);
  await settle(ds, [deadlines, syncs]);
  const rescheduleMs = Date.now() - t;
  const rescheduleCpuSpent = await rescheduleCpu();
  const [{ moved }] = await ds.query(`SELECT count(*)::int AS moved FROM appeal_events WHERE type = 'due_date_recomputed'`);
  // Every case's schedule must hold the job its new plan queues.
  let lacking = 0;
  const planner = worker.get(DeadlinePlanner);
  for await (const cases of runningCases()) {
    const rows: { id: string; jobIds: string[] }[] = await ds.query(
      `SELECT appeal_id AS id, job_ids AS "jobIds" FROM deadline_schedules WHERE appeal_id = ANY($1::uuid[])`,
      [cases.map((c) => c.id)],
    );
    const schedules = new Map(rows.map((r) => [r.id, new Set(r.jobIds)]));
    for (const [id, [next]] of await planner.queued(cases)) {
      if (next && !schedules.get(id)?.has(next.jobId)) lacking++;
    }
  }
  const resyncAsked = async (): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'deadlines' AND payload->>'after' = 'calendar'`))[0].n;
  const askedInWindow = await resyncAsked();
  report(
    `reschedule after a calendar change (${day} declared a holiday): ${moved.toLocaleString('en')} cases moved ` +
      `in ${seconds(rescheduleMs)} s; resyncs asked through the outbox for ${askedInWindow.toLocaleString('en')} cases ` +
      `of ${CASES.toLocaleString('en')}; cases whose schedule lacks the job their new plan queues: ${lacking}; ${rescheduleCpuSpent}`,
  );
  // The recompute runs a second time a minute later (API processes may still hold the old calendar):
  // waited for here, outside the timed window, to count what it asks for.
  const [{ id: calendarRow }] = await ds.query(`SELECT max(id) AS id FROM outbox WHERE topic = 'calendar'`);
  const secondPassId = `${outboxJobId(calendarRow)}-again`;
  await eventuallyTrue(async () => !!(await (await deadlines.getJob(secondPassId))?.isCompleted()));
  await settle(ds, [deadlines, syncs]);
  const secondPass = (await deadlines.getJob(secondPassId))!.returnvalue as { moved: number; resynced: number };
  const firstPass = (await deadlines.getJob(outboxJobId(calendarRow)))!;
  report(
    `of which the recompute's first pass (due dates, events, jobs replaced): ${seconds(firstPass.finishedOn! - firstPass.processedOn!)} s, ` +
      `${firstPass.returnvalue.moved.toLocaleString('en')} moved, ${firstPass.returnvalue.resynced.toLocaleString('en')} cases resynced`,
  );
  report(
    `second recompute pass: ${secondPass.moved} cases moved, ${secondPass.resynced.toLocaleString('en')} cases resynced ` +
      `(resync rows of the whole change: ${(await resyncAsked()).toLocaleString('en')})`,
  );

  // ---- 5. FLUSHALL, then rebuild everything from Postgres.
  const beforeFlush = (await queueCounts(deadlines)).delayed;
  await client.flushall();
  await postponeReconciliation();
  t = Date.now();
  const rebuildCpu = await cpuMeter();
  const rebuilt = await worker.get(DeadlineReconciler).reconcile();
  const rebuildMs = Date.now() - t;
  const afterRebuild = (await queueCounts(deadlines)).delayed;
  report(
    `rebuild after FLUSHALL: ${rebuilt.jobsRecreated.toLocaleString('en')} jobs for ${rebuilt.cases.toLocaleString('en')} cases in ${seconds(rebuildMs)} s ` +
      `(${Math.round(rebuilt.jobsRecreated / (rebuildMs / 1000))} jobs/s), ${(rebuildMs / baselineMs).toFixed(2)}x the baseline; delayed before ${beforeFlush}, after ${afterRebuild}; ${await rebuildCpu()}`,
  );

  await deadlines.close();
  await syncs.close();
  await worker.close();
  await ds.destroy();
  client.disconnect();
  await redis.stop();

  const machine = `${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; ${execSync('redis-server --version').toString().trim().split(' ').slice(0, 3).join(' ')}`;
  console.log(`\nmachine: ${machine}\n`);
  console.log(results.map((r) => `- ${r}`).join('\n'));
}

/** Waits until the outbox is relayed and the deadline queues have nothing waiting or running. */
/**
 * CPU seconds of the Postgres backends serving the bench's database on this machine (0 where /proc
 * cannot tell); the server's own background processes and other databases' backends are left out.
 */
function postgresCpuSeconds(): number {
  const database = new URL(DB_URL).pathname.slice(1);
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)') || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

async function settle(ds: DataSource, queues: Queue[]): Promise<void> {
  let quiet = 0;
  while (quiet < 3) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
    const busy = await Promise.all(queues.map(async (q) => Object.values(await q.getJobCounts('waiting', 'active', 'prioritized')).reduce((a, b) => a + b, 0)));
    quiet = n === 0 && busy.every((b) => b === 0) ? quiet + 1 : 0;
    await sleep(200);
  }
}

async function eventuallyTrue(probe: () => Promise<boolean>): Promise<void> {
  while (!(await probe())) await sleep(200);
}

async function recreateDatabase(): Promise<void> {
  const url = new URL(DB_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/appeals';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
