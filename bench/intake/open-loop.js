#!/usr/bin/env node
// Open-loop intake latency (issue 6.2): `npm run bench:open-loop -- --rate 500 --duration 60 [--warmup 5] [--prefill-deadlines 1000000]`.
// Drives POST /api/v1/appeals at a fixed rate, open loop (fixed-rate.js: each request leaves at its
// scheduled moment whatever the answers, latency counted from that moment), and reports p50/p99/p99.9
// and errors.
// --workers N (default 1) worker processes run alongside, relaying each appeal's outbox rows into
// BullMQ jobs as they arrive; after the run the bench waits for the outbox to drain and checks that
// every open case has its deadline jobs in Redis (`npm run deadlines:check`).
// --cpu-prof writes V8 profiles of the API and the workers to bench/intake/profiles/.
// --prefill-deadlines N first puts N delayed BullMQ jobs (10 years ahead) into the `deadlines` queue
// under the API's QUEUE_PREFIX, in addBulk chunks of 10,000, so the run sees a Redis holding them.
'use strict';
const { Queue } = require('bullmq');
const { fixedRate } = require('./fixed-rate');
const path = require('node:path');
const { log, build, prepareDatabase, dropDatabase, startApi, startWorker, auditDeadlineJobs, intakeContext, bodies, machine, withClient, ROOT, REDIS_URL, args, opt } = require('./lib');

const RATE = Number(opt('rate', 500));
const DURATION = Number(opt('duration', 60));
const PREFILL = Number(opt('prefill-deadlines', 0));
const WARMUP = Number(opt('warmup', 5));
const WORKERS = Number(opt('workers', 1));
const DRAIN_TIMEOUT_S = 600;
const CPU_PROF = args.includes('--cpu-prof');
const profile = (name) => (CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench', 'intake', 'profiles')}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
const DB = 'appeals_bench_open_loop';

async function prefillDeadlines(prefix, n) {
  const url = new URL(REDIS_URL);
  const queue = new Queue('deadlines', { prefix, connection: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) } });
  const delay = 10 * 365 * 24 * 3600 * 1000;
  for (let done = 0; done < n; done += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, n - done) }, (_, i) => ({
      name: 'bench-prefill',
      data: { appealId: `prefill-${done + i}` },
      opts: { jobId: `prefill-${done + i}`, delay, removeOnComplete: true },
    }));
    await queue.addBulk(chunk);
    if ((done / 10_000) % 10 === 0) log(`prefilled ${done + chunk.length} / ${n}`);
  }
  const counts = await queue.getJobCounts('delayed');
  await queue.close();
  return counts.delayed;
}

async function clearPrefix(prefix) {
  const url = new URL(REDIS_URL);
  const queue = new Queue('deadlines', { prefix, connection: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) } });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
}

/** How long the workers took to relay the outbox after the last request, and the deadline-jobs audit. */
async function afterTheRun(databaseUrl, prefix) {
  const started = Date.now();
  let pending = -1;
  await withClient(databaseUrl, async (c) => {
    for (;;) {
      pending = (await c.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`)).rows[0].n;
      if (pending === 0 || Date.now() - started > DRAIN_TIMEOUT_S * 1000) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  const audit = auditDeadlineJobs({ databaseUrl, queuePrefix: prefix });
  return {
    outboxDrainedSecondsAfterLastRequest: pending === 0 ? +((Date.now() - started) / 1000).toFixed(1) : null,
    deadlineJobsAudit: { pass: audit.pass, output: audit.output.split('\n').slice(-3).join(' / ') },
  };
}

(async () => {
  if (!args.includes('--no-build')) build();
  const databaseUrl = await prepareDatabase(DB);
  const prefix = `bench_open_${process.pid}`;
  const result = { machine: machine(), rate: RATE, duration: DURATION, prefilledDeadlineJobs: 0 };
  if (PREFILL) result.prefilledDeadlineJobs = await prefillDeadlines(prefix, PREFILL);
  const api = await startApi({ port: 3903, databaseUrl, queuePrefix: prefix, nodeArgs: profile('open-loop-api') });
  const workers = Array.from({ length: WORKERS }, (_, i) => startWorker({ databaseUrl, queuePrefix: prefix, nodeArgs: profile(`open-loop-worker-${i + 1}`) }));
  try {
    const ctx = await intakeContext(api.url, databaseUrl);
    const nextBody = bodies(ctx);
    const load = { url: `${api.url}/api/v1/appeals`, token: ctx.token, nextBody, rate: RATE };
    // A fresh process compiles its hot code and opens its connections in the first seconds: not measured.
    if (WARMUP > 0) {
      const warmup = await fixedRate({ ...load, duration: WARMUP });
      result.warmup = { seconds: WARMUP, sent: warmup.sent, ok: warmup.ok, latencyMs: warmup.latencyMs };
    }
    Object.assign(result, await fixedRate({ ...load, duration: DURATION }));
    if (WORKERS > 0) Object.assign(result, await afterTheRun(databaseUrl, prefix));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await api.stop();
    await dropDatabase(DB);
    if (PREFILL) await clearPrefix(prefix);
  }
  console.log(JSON.stringify(result, null, 2));
  // Every request answered 2xx, and the service kept up: all answered within a second of the last send.
  const pass =
    result.non2xx === 0 &&
    result.errors === 0 &&
    result.timeouts === 0 &&
    result.ok === result.sent &&
    result.elapsedSeconds <= result.sendingSeconds + 1 &&
    (WORKERS === 0 || (result.outboxDrainedSecondsAfterLastRequest !== null && result.deadlineJobsAudit.pass));
  console.log(`${pass ? 'PASS' : 'FAIL'}: ${result.achievedRps}/${RATE} appeals/s for ${DURATION} s, p99 ${result.latencyMs.p99} ms, p99.9 ${result.latencyMs.p999} ms, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  process.exit(pass ? 0 : 1);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
