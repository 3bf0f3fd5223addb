#!/usr/bin/env node
// Intake benchmark (issue 6.1): `npm run bench:intake` (options: --duration 10 --rounds 3 --connections 16,64 --no-build --cpu-prof).
// In one session on one machine: the real POST /api/v1/appeals, baseline 1 (the same Nest controller
// stack with ValidationPipe and no I/O), baseline 2 (raw pg INSERTs of the same rows), all at the
// same concurrency; plus the database round trips per appeal, counted in the API process.
'use strict';
const autocannon = require('autocannon');
const { Pool } = require('pg');
const path = require('node:path');
const os = require('node:os');
const { log, build, prepareDatabase, dropDatabase, startApi, intakeContext, bodies, machine, pct, post, fs, ROOT, args, opt } = require('./lib');

const DURATION = Number(opt('duration', 10));
/** Each concurrency in turn (--connections 16,64): closed loop, so batching grows with it. */
const CONCURRENCIES = String(opt('connections', '16,64')).split(',').map(Number);
const WARMUP = Number(opt('warmup', 3));
const ROUND_TRIP_SAMPLE = Number(opt('sample', 200));
const ROUNDS = Number(opt('rounds', 3));
const CPU_PROF = args.includes('--cpu-prof');
// --database: another name, so two checkouts can be measured in one session without dropping each other's database.
const DB = String(opt('database', 'appeals_bench_intake'));

async function cannon(url, token, nextBody, duration, connections) {
  const result = await autocannon({
    url: `${url}/api/v1/appeals`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(nextBody()) }),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latency: pct(result.latency),
  };
}

/** The API's pg query count, as count-queries.js last wrote it (it writes every 100 ms). */
async function readCount(countFile) {
  await new Promise((r) => setTimeout(r, 400));
  return JSON.parse(fs.readFileSync(countFile, 'utf8'));
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Round trips per appeal: the API's pg query count before and after N sequential registrations. */
async function roundTrips(api, countFile, token, nextBody) {
  const read = () => readCount(countFile);
  const before = await read();
  let created = 0;
  for (let i = 0; i < ROUND_TRIP_SAMPLE; i++) {
    const res = await post(`${api.url}/api/v1/appeals`, nextBody(), token);
    if (res.status === 201) created++;
  }
  const after = await read();
  const statements = Object.fromEntries(
    Object.entries(after.byStatement)
      .map(([sql, n]) => [sql, +((n - (before.byStatement[sql] ?? 0)) / created).toFixed(2)])
      .filter(([, n]) => n > 0),
  );
  return { appeals: created, queries: after.queries - before.queries, perAppeal: (after.queries - before.queries) / created, statements };
}

let rawSeq = 0;
/** Baseline 2: one INSERT of the same row per appeal, autocommit, a pool as wide as the concurrency. */
async function rawInserts(databaseUrl, ctx, nextBody, duration, connections) {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  pool.on('error', (err) => log('pool:', err.message));
  const latencies = [];
  const until = Date.now() + duration * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const b = nextBody();
      const i = ++rawSeq;
      const started = process.hrtime.bigint();
      await pool.query(
        `INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, agency_id, subject, text,
                              language, anonymous, signatories, applicant, applicant_iin, received_at, received_on, due_date,
                              reception_id, call_id, repeat_of_id, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
         RETURNING id, registered_at`,
        [`RAW-2026-${process.pid}-${i}`, `T${i}`.padEnd(10, 'X').slice(0, 16), b.channel, b.type, 'registered', b.categoryId, b.branchId, null, b.subject, b.text,
          b.language, false, null, JSON.stringify(b.applicant), b.applicant.iin, new Date(), new Date().toISOString().slice(0, 10), '2026-12-31', null, null, null, null],
      );
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const q = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100;
  return { rps: Math.round(latencies.length / duration), total: latencies.length, non2xx: 0, errors: 0, latency: { p50: q(0.5), p99: q(0.99), p999: q(0.999), max: q(1) } };
}

/** A closed-loop run against a server process, with the process's CPU time per request. */
async function measured(server, token, nextBody, connections) {
  const cpuBefore = cpuSeconds(server.child.pid);
  const r = await cannon(server.url, token, nextBody, DURATION, connections);
  r.apiCpuMsPerRequest = +(((cpuSeconds(server.child.pid) - cpuBefore) * 1000) / r.total).toFixed(3);
  return r;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  if (!args.includes('--no-build')) build();
  const databaseUrl = await prepareDatabase(DB);
  const countFile = path.join(os.tmpdir(), `bench-queries-${process.pid}.json`);
  const profDir = path.join(ROOT, 'bench', 'intake', 'profiles');
  const profile = (name) => (CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
  const nodeOptions = `--require ${path.join(__dirname, 'count-queries.js')}`;
  const results = { machine: machine(), duration: DURATION, byConcurrency: [] };

  // Both servers stay up for every round; an idle one costs nothing while the other is measured.
  const api = await startApi({ port: 3901, databaseUrl, queuePrefix: `bench_${process.pid}`, nodeOptions, nodeArgs: profile('intake'), env: { QUERY_COUNT_FILE: countFile } });
  const noIo = await startApi({ port: 3902, databaseUrl, queuePrefix: 'unused', nodeArgs: profile('no-io'), entry: path.join('bench', 'intake', 'no-io-app.js') });
  try {
    const ctx = await intakeContext(api.url, databaseUrl);
    const nextBody = bodies(ctx);
    results.roundTrips = await roundTrips(api, countFile, ctx.token, nextBody);
    log(`warm-up ${WARMUP} s each`);
    await cannon(api.url, ctx.token, nextBody, WARMUP, CONCURRENCIES[0]);
    await cannon(noIo.url, null, nextBody, WARMUP, CONCURRENCIES[0]);
    await rawInserts(databaseUrl, ctx, nextBody, WARMUP, CONCURRENCIES[0]);
    for (const connections of CONCURRENCIES) {
      const rounds = [];
      // Rounds alternate the three runs, so a slow minute of a shared machine weighs on all of them alike.
      for (let i = 1; i <= ROUNDS; i++) {
        log(`${connections} connections, round ${i}/${ROUNDS}: real intake, baseline 1 (no I/O), baseline 2 (raw pg)`);
        const queriesBefore = await readCount(countFile);
        const intake = await measured(api, ctx.token, nextBody, connections);
        intake.roundTripsPerAppeal = +(((await readCount(countFile)).queries - queriesBefore.queries) / intake.total).toFixed(3);
        const noIoRun = await measured(noIo, null, nextBody, connections);
        const rawPg = await rawInserts(databaseUrl, ctx, nextBody, DURATION, connections);
        rounds.push({ intake, noIo: noIoRun, rawPg, intakeToNoIo: +(intake.rps / noIoRun.rps).toFixed(3), intakeToRawPg: +(intake.rps / rawPg.rps).toFixed(3) });
      }
      results.byConcurrency.push({
        connections,
        rounds,
        median: { intakeToNoIo: median(rounds.map((r) => r.intakeToNoIo)), intakeToRawPg: median(rounds.map((r) => r.intakeToRawPg)) },
      });
    }
  } finally {
    await api.stop('SIGINT');
    await noIo.stop('SIGINT');
    await dropDatabase(DB);
  }

  const row = (round, name, r) => `| ${round} | ${name} | ${r.rps} | ${r.latency.p50} | ${r.latency.p99} | ${r.total} | ${r.non2xx + r.errors} | ${r.apiCpuMsPerRequest ?? '—'} | ${r.roundTripsPerAppeal ?? '—'} |`;
  console.log(JSON.stringify(results, null, 2));
  for (const { connections, rounds, median: m } of results.byConcurrency) {
    console.log(`
| round | ${connections} connections, ${DURATION} s | req/s | p50 ms | p99 ms | requests | non-2xx + errors | server CPU ms/request | round trips/appeal |
|---|---|---|---|---|---|---|---|---|
${rounds
  .map((r, i) =>
    [row(i + 1, 'POST /api/v1/appeals (real intake)', r.intake), row(i + 1, 'baseline 1: Nest + ValidationPipe, no I/O', r.noIo), row(i + 1, 'baseline 2: raw pg INSERT of the same row', r.rawPg)].join('\n'),
  )
  .join('\n')}

${connections} connections: intake / no-I/O baseline by round ${rounds.map((r) => r.intakeToNoIo).join(', ')}, median ${m.intakeToNoIo}; intake / raw pg by round ${rounds.map((r) => r.intakeToRawPg).join(', ')}, median ${m.intakeToRawPg}`);
  }
  console.log(`
database round trips per appeal one at a time: ${results.roundTrips.perAppeal.toFixed(2)} (${results.roundTrips.queries} pg queries for ${results.roundTrips.appeals} sequential registrations); under load: see the tables`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
