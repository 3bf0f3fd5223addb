#!/usr/bin/env node
// Intake benchmark (issue 6.1): `npm run bench:intake` (options: --duration 15 --connections 16 --no-build --cpu-prof).
// In one session on one machine: the real POST /api/v1/appeals, baseline 1 (the same Nest controller
// stack with ValidationPipe and no I/O), baseline 2 (raw pg INSERTs of the same rows), all at the
// same concurrency; plus the database round trips per appeal, counted in the API process.
'use strict';
const autocannon = require('autocannon');
const { Pool } = require('pg');
const path = require('node:path');
const os = require('node:os');
const { log, build, prepareDatabase, dropDatabase, startApi, intakeContext, bodies, machine, pct, post, fs, ROOT, args, opt } = require('./lib');

const DURATION = Number(opt('duration', 15));
const CONNECTIONS = Number(opt('connections', 16));
const WARMUP = Number(opt('warmup', 3));
const ROUND_TRIP_SAMPLE = Number(opt('sample', 200));
const CPU_PROF = args.includes('--cpu-prof');
const DB = 'appeals_bench_intake';

async function cannon(url, token, nextBody, duration) {
  const result = await autocannon({
    url: `${url}/api/v1/appeals`,
    connections: CONNECTIONS,
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

/** Round trips per appeal: the API's pg query count before and after N sequential registrations. */
async function roundTrips(api, countFile, token, nextBody) {
  const read = async () => {
    await new Promise((r) => setTimeout(r, 400));
    return JSON.parse(fs.readFileSync(countFile, 'utf8'));
  };
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
async function rawInserts(databaseUrl, ctx, nextBody, duration) {
  const pool = new Pool({ connectionString: databaseUrl, max: CONNECTIONS });
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
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const q = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100;
  return { rps: Math.round(latencies.length / duration), total: latencies.length, non2xx: 0, errors: 0, latency: { p50: q(0.5), p99: q(0.99), p999: q(0.999), max: q(1) } };
}

(async () => {
  if (!args.includes('--no-build')) build();
  const databaseUrl = await prepareDatabase(DB);
  const countFile = path.join(os.tmpdir(), `bench-queries-${process.pid}.json`);
  const profDir = path.join(ROOT, 'bench', 'intake', 'profiles');
  const nodeOptions = `--require ${path.join(__dirname, 'count-queries.js')}`;
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const results = { machine: machine(), connections: CONNECTIONS, duration: DURATION };

  log('real API');
  const api = await startApi({ port: 3901, databaseUrl, queuePrefix: `bench_${process.pid}`, nodeOptions, nodeArgs, env: { QUERY_COUNT_FILE: countFile } });
  try {
    const ctx = await intakeContext(api.url, databaseUrl);
    const nextBody = bodies(ctx);
    results.roundTrips = await roundTrips(api, countFile, ctx.token, nextBody);
    await cannon(api.url, ctx.token, nextBody, WARMUP);
    results.intake = await cannon(api.url, ctx.token, nextBody, DURATION);
    await api.stop('SIGINT');

    log('baseline 1: Nest + ValidationPipe, no I/O');
    const noIo = await startApi({ port: 3902, databaseUrl, queuePrefix: 'unused', entry: path.join('bench', 'intake', 'no-io-app.js') });
    await cannon(noIo.url, null, nextBody, WARMUP);
    results.noIo = await cannon(noIo.url, null, nextBody, DURATION);
    await noIo.stop();

    log('baseline 2: raw pg INSERT');
    await rawInserts(databaseUrl, ctx, nextBody, WARMUP);
    results.rawPg = await rawInserts(databaseUrl, ctx, nextBody, DURATION);
  } finally {
    await api.stop();
    await dropDatabase(DB);
  }
  results.ratios = {
    intakeToNoIo: +(results.intake.rps / results.noIo.rps).toFixed(3),
    intakeToRawPg: +(results.intake.rps / results.rawPg.rps).toFixed(3),
  };

  const row = (name, r) => `| ${name} | ${r.rps} | ${r.latency.p50} | ${r.latency.p99} | ${r.total} | ${r.non2xx + r.errors} |`;
  console.log(JSON.stringify(results, null, 2));
  console.log(`
| ${CONNECTIONS} connections, ${DURATION} s | req/s | p50 ms | p99 ms | requests | non-2xx + errors |
|---|---|---|---|---|---|
${row('POST /api/v1/appeals (real intake)', results.intake)}
${row('baseline 1: Nest + ValidationPipe, no I/O', results.noIo)}
${row('baseline 2: raw pg INSERT of the same row', results.rawPg)}

intake / no-I/O baseline = ${results.ratios.intakeToNoIo}; intake / raw pg = ${results.ratios.intakeToRawPg}
database round trips per appeal: ${results.roundTrips.perAppeal.toFixed(2)} (${results.roundTrips.queries} pg queries for ${results.roundTrips.appeals} sequential registrations)`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
