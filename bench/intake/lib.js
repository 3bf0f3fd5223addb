// Shared by the intake benchmarks: a bench database, the real API as a child process, valid bodies.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://appeals:appeals@127.0.0.1:5432/appeals';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
// Compliant with the password policy: the API runs with NODE_ENV=production, which refuses a weak bootstrap password.
const ADMIN_PASSWORD = 'bench-appeals-pass-phrase';
const JWT_SECRET = 'bench-secret-at-least-16-chars';

const log = (...args) => console.error('[bench]', ...args);

function urlFor(database, base = ADMIN_URL) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}`);
}

function build() {
  log('npm run build');
  run('npm', ['run', 'build']);
}

async function withClient(url, fn) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database with every migration and the reference data (`npm run seed`). */
async function prepareDatabase(name) {
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = urlFor(name);
  log(`migrate + seed ${name}`);
  run('node', ['dist/src/database/migrate.js'], { DATABASE_URL: url });
  run('node', ['dist/src/seed/seed.js'], { DATABASE_URL: url, LOG_LEVEL: 'warn', BOOTSTRAP_ADMIN_LOGIN: 'admin', BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, JWT_SECRET });
  return url;
}

async function dropDatabase(name) {
  await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function waitFor(url, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer 200 in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The real API (`node dist/src/main.js`) as a child process; `nodeOptions` e.g. --require a counter. */
async function startApi({ port, databaseUrl, queuePrefix, nodeOptions = '', nodeArgs = [], env = {}, entry = 'dist/src/main.js' }) {
  const child = spawn('node', [...nodeArgs, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET,
      BOOTSTRAP_ADMIN_LOGIN: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PORTAL_RATE_LIMIT: '100000000',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: nodeOptions,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([waitFor(`http://127.0.0.1:${port}/api/v1/health`), exited.then((code) => Promise.reject(new Error(`${entry} exited ${code}`)))]);
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A worker process (`node dist/src/worker.js`): outbox relay, deadline jobs, notifications. */
function startWorker({ databaseUrl, queuePrefix, env = {}, nodeArgs = [] }) {
  const child = spawn('node', [...nodeArgs, 'dist/src/worker.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL, QUEUE_PREFIX: queuePrefix, JWT_SECRET, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `npm run deadlines:check` (audit only): every open case has its deadline jobs in Redis. */
function auditDeadlineJobs({ databaseUrl, queuePrefix, env = {} }) {
  const audit = spawnSync('node', ['dist/src/deadlines/check-deadline-jobs.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return { pass: audit.status === 0, output: audit.stdout.trim() || audit.stderr.trim() };
}

async function post(url, body, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/**
 * An operator scoped to the root branch and the ids a valid staff intake needs: a district branch
 * and a category with a national routing rule, so every appeal is routed (the full hot path).
 */
async function intakeContext(apiUrl, databaseUrl) {
  const ids = await withClient(databaseUrl, async (c) => {
    const [root] = (await c.query(`SELECT id FROM branches WHERE parent_id IS NULL ORDER BY code LIMIT 1`)).rows;
    const districts = (await c.query(`SELECT id FROM branches WHERE level = 'district' ORDER BY code LIMIT 20`)).rows.map((r) => r.id);
    const categories = (await c.query(`SELECT DISTINCT category_id AS id FROM routing_rules WHERE branch_id IS NULL ORDER BY 1 LIMIT 10`)).rows.map((r) => r.id);
    return { root: root.id, districts, categories };
  });
  const admin = await post(`${apiUrl}/api/v1/auth/login`, { login: 'admin', password: ADMIN_PASSWORD });
  if (admin.status !== 200) throw new Error(`admin login ${admin.status}`);
  const login = `bench.operator.${process.pid}`;
  const created = await post(`${apiUrl}/api/v1/users`, { login, password: 'bench-pass-phrase', fullName: 'Bench Operator', role: 'operator', branchId: ids.root }, admin.body.accessToken);
  if (created.status !== 201) throw new Error(`create operator ${created.status} ${JSON.stringify(created.body)}`);
  const op = await post(`${apiUrl}/api/v1/auth/login`, { login, password: 'bench-pass-phrase' });
  return { ...ids, token: op.body.accessToken, adminToken: admin.body.accessToken };
}

/** Valid IINs with the DOMAIN.md check digit, all distinct (so no appeal is a repeat of another). */
function* iins(seed = 1) {
  let n = seed;
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
  for (;;) {
    n++;
    const yy = 50 + (n % 50);
    const mm = 1 + (Math.floor(n / 50) % 12);
    const dd = 1 + (Math.floor(n / 600) % 28);
    const serial = String(Math.floor(n / 16800) % 10000).padStart(4, '0');
    const first11 = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}3${serial}`;
    const digits = Array.from(first11, Number);
    let check = digits.reduce((s, d, i) => s + d * w1[i], 0) % 11;
    if (check === 10) check = digits.reduce((s, d, i) => s + d * w2[i], 0) % 11;
    if (check === 10) continue;
    yield `${first11}${check}`;
  }
}

/** An endless supply of distinct, valid staff AppealInput bodies. */
function bodies(ctx, seed = Math.floor(Math.random() * 1e6)) {
  const iin = iins(seed);
  let i = 0;
  return () => {
    i++;
    return {
      type: ['complaint', 'statement', 'request', 'proposal'][i % 4],
      categoryId: ctx.categories[i % ctx.categories.length],
      branchId: ctx.districts[i % ctx.districts.length],
      subject: `Обращение № ${i}: протекает крыша`,
      text: 'Крыша дома по ул. Абая протекает третий месяц, управляющая компания не отвечает. '.repeat(1 + (i % 4)),
      language: i % 2 ? 'ru' : 'kk',
      channel: ['mail', 'public_office'][i % 2],
      applicant: {
        fullName: 'Серик Ахметов',
        iin: iin.next().value,
        phone: `+7701${String(1000000 + (i % 9000000)).padStart(7, '0')}`,
        email: `citizen${i}@example.kz`,
        address: 'Алматы, ул. Абая 1',
      },
    };
  };
}

function machine() {
  const v = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    return (r.stdout || r.stderr || '').trim().split('\n')[0];
  };
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    node: process.version,
    postgres: v('psql', ['--version']),
    redis: v('redis-server', ['--version']),
  };
}

/** `--name value` options of the command line (string values; the caller converts). */
const args = process.argv.slice(2);
function opt(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

const pct = (lat) => ({ p50: lat.p50, p99: lat.p99, p999: lat.p99_9, max: lat.max });

module.exports = { args, opt, ROOT, ADMIN_URL, REDIS_URL, JWT_SECRET, log, build, prepareDatabase, dropDatabase, startApi, startWorker, auditDeadlineJobs, intakeContext, bodies, iins, post, withClient, urlFor, machine, pct, fs };
