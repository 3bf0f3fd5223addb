#!/usr/bin/env node
// Open-loop intake latency (issue 6.2): `npm run bench:open-loop -- --rate 500 --duration 60 [--prefill-deadlines 1000000]`.
// Drives POST /api/v1/appeals at a fixed overall rate (autocannon overallRate with enough connections
// that the rate, not the responses, sets the pace) and reports p50/p99/p99.9 and errors.
// --prefill-deadlines N first puts N delayed BullMQ jobs (10 years ahead) into the `deadlines` queue
// under the API's QUEUE_PREFIX, in addBulk chunks of 10,000, so the run sees a Redis holding them.
'use strict';
const autocannon = require('autocannon');
const { Queue } = require('bullmq');
const { log, build, prepareDatabase, dropDatabase, startApi, intakeContext, bodies, machine, pct, REDIS_URL, args, opt } = require('./lib');

const RATE = Number(opt('rate', 500));
const DURATION = Number(opt('duration', 60));
const CONNECTIONS = Number(opt('connections', 200));
const PREFILL = Number(opt('prefill-deadlines', 0));
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

(async () => {
  if (!args.includes('--no-build')) build();
  const databaseUrl = await prepareDatabase(DB);
  const prefix = `bench_open_${process.pid}`;
  const result = { machine: machine(), rate: RATE, duration: DURATION, connections: CONNECTIONS, prefilledDeadlineJobs: 0 };
  if (PREFILL) result.prefilledDeadlineJobs = await prefillDeadlines(prefix, PREFILL);
  const api = await startApi({ port: 3903, databaseUrl, queuePrefix: prefix });
  try {
    const ctx = await intakeContext(api.url, databaseUrl);
    const nextBody = bodies(ctx);
    const r = await autocannon({
      url: `${api.url}/api/v1/appeals`,
      connections: CONNECTIONS,
      overallRate: RATE,
      duration: DURATION,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` }, setupRequest: (req) => ({ ...req, body: JSON.stringify(nextBody()) }) }],
    });
    Object.assign(result, {
      sent: r.requests.sent,
      completed: r.requests.total,
      achievedRps: Math.round(r.requests.average),
      '2xx': r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      latencyMs: pct(r.latency),
    });
  } finally {
    await api.stop();
    await dropDatabase(DB);
    if (PREFILL) await clearPrefix(prefix);
  }
  console.log(JSON.stringify(result, null, 2));
  const pass = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && result.achievedRps >= RATE * 0.95;
  console.log(`${pass ? 'PASS' : 'FAIL'}: ${result.achievedRps}/${RATE} appeals/s for ${DURATION} s, p99 ${result.latencyMs.p99} ms, p99.9 ${result.latencyMs.p999} ms, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  process.exit(pass ? 0 : 1);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
