#!/usr/bin/env node
// Attacks on accounts against two real API processes (node dist/src/main.js) on one fresh database
// and one Redis prefix: `npm run build && node bench/accounts/probe.js`. Results in docs/reliability.md ("Probe").
'use strict';
const crypto = require('node:crypto');
const Redis = require('ioredis');
const { log, prepareDatabase, dropDatabase, startApi, post, withClient, REDIS_URL } = require('../intake/lib');

const PASSWORD = 'probe-pass-phrase-1';
const ADMIN_PASSWORD = 'bench-appeals-pass-phrase';

async function call(url, method, path, { body, token, ip, basic } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (basic) headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  if (ip) headers['x-forwarded-for'] = ip;
  const res = await fetch(`${url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json().catch(() => null) };
}
const tally = (statuses) => Object.entries(statuses.reduce((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {})).map(([s, n]) => `${n}×${s}`).join(', ');

async function main() {
  const db = `appeals_probe_accounts_${process.pid}`;
  const prefix = `probe_accounts_${process.pid}`;
  const databaseUrl = await prepareDatabase(db);
  const env = { TRUST_PROXY: '1', LOG_LEVEL: 'error' };
  const a = await startApi({ port: 39411, databaseUrl, queuePrefix: prefix, env });
  const b = await startApi({ port: 39412, databaseUrl, queuePrefix: prefix, env });
  const results = {};
  try {
    const admin = (await call(a.url, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD }, ip: '10.0.0.1' })).body.accessToken;
    const root = await withClient(databaseUrl, async (c) => (await c.query(`SELECT id FROM branches WHERE parent_id IS NULL LIMIT 1`)).rows[0].id);
    const region = await withClient(databaseUrl, async (c) => (await c.query(`SELECT id FROM branches WHERE level = 'regional' ORDER BY code LIMIT 1`)).rows[0].id);
    let n = 0;
    const user = async (role = 'controller', scope = { branchId: root }) => {
      const login = `probe.${role}.${++n}`;
      const created = await call(a.url, 'POST', '/api/v1/users', { token: admin, body: { login, password: PASSWORD, fullName: 'Probe', role, ...scope } });
      if (created.status !== 201) throw new Error(JSON.stringify(created));
      const token = (await call(a.url, 'POST', '/api/v1/auth/login', { body: { login, password: PASSWORD }, ip: `10.1.${n}.1` })).body.accessToken;
      return { id: created.body.id, login, token };
    };

    // 1. A token after demotion, deactivation, password reset: the very next request on the other process.
    const changes = {
      demotion: (id) => ({ method: 'PATCH', path: `/api/v1/users/${id}`, body: { role: 'analyst' } }),
      'scope change': (id) => ({ method: 'PATCH', path: `/api/v1/users/${id}`, body: { branchId: region } }),
      deactivation: (id) => ({ method: 'PATCH', path: `/api/v1/users/${id}`, body: { active: false } }),
      'password reset': (id) => ({ method: 'POST', path: `/api/v1/users/${id}/password`, body: { password: 'another-probe-phrase' } }),
    };
    for (const [label, change] of Object.entries(changes)) {
      const after = [];
      for (let i = 0; i < 10; i++) {
        const u = await user();
        await call(b.url, 'GET', '/api/v1/auth/me', { token: u.token }); // B caches the version
        const c = change(u.id);
        await call(a.url, c.method, c.path, { token: admin, body: c.body });
        after.push((await call(b.url, 'GET', '/api/v1/appeals', { token: u.token })).status);
      }
      results[`old token on process B right after a ${label} on A (10 users)`] = tally(after);
    }
    // Forged tokens: another secret, alg none, a claimed role the user does not have.
    const u = await user();
    const [h, p] = u.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const sign = (payload, secret) => {
      const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${head}.${body}.${crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
    };
    const forged = [
      sign({ ...claims, role: 'admin' }, 'a-guessed-secret-of-16+'),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.`,
      `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', ver: claims.ver + 1 })).toString('base64url')}.${u.token.split('.')[2]}`,
    ];
    results['forged tokens (other secret, alg none, edited claims) on /users'] = tally(await Promise.all(forged.map((t) => call(b.url, 'GET', '/api/v1/users', { token: t }).then((r) => r.status))));

    // 2. Password guessing on one account from many addresses, spread over both processes.
    const victim = await user();
    const guesses = [];
    for (let i = 0; i < 50; i++) guesses.push((await call(i % 2 ? b.url : a.url, 'POST', '/api/v1/auth/login', { body: { login: victim.login, password: `guess-${i}-xxxxx` }, ip: `198.51.100.${i}` })).status);
    results['50 guesses at one login from 50 addresses, alternating A and B'] = tally(guesses);
    const right = await call(a.url, 'POST', '/api/v1/auth/login', { body: { login: victim.login.toUpperCase(), password: PASSWORD }, ip: '198.51.100.200' });
    results['then the right password from a fresh address'] = `${right.status}, Retry-After ${right.retryAfter} s`;
    const burstVictim = await user();
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) => call(i % 2 ? b.url : a.url, 'POST', '/api/v1/auth/login', { body: { login: burstVictim.login, password: `burst-${i}-xxxxx` }, ip: `203.0.113.${i}` }).then((r) => r.status)),
    );
    results['100 parallel guesses at one login (100 addresses, both processes)'] = tally(burst);
    const spray = [];
    for (let i = 0; i < 40; i++) spray.push((await call(a.url, 'POST', '/api/v1/auth/login', { body: { login: `someone.${i}`, password: 'Spring-2026-pass' }, ip: '192.0.2.77' })).status);
    results['40 logins sprayed from one address within a minute'] = tally(spray);

    // 3. Basic credentials on /admin/queues.
    const operator = await user('operator');
    const probes = {
      "an operator's right password": (await call(a.url, 'GET', '/admin/queues', { basic: `${operator.login}:${PASSWORD}`, ip: '100.64.0.1' })).status,
      "an operator's token": (await call(a.url, 'GET', '/admin/queues', { token: operator.token, ip: '100.64.0.2' })).status,
      'an unknown login': (await call(a.url, 'GET', '/admin/queues', { basic: `nobody:${PASSWORD}`, ip: '100.64.0.3' })).status,
    };
    results['/admin/queues with credentials that are not an admin’s'] = JSON.stringify(probes);
    const basic = [];
    for (let i = 0; i < 8; i++) basic.push((await call(i % 2 ? b.url : a.url, 'GET', '/admin/queues', { basic: `admin:guess-${i}-xxxxx`, ip: `100.64.1.${i}` })).status);
    results['8 Basic guesses at the admin on /admin/queues'] = tally(basic);
    const adminLogin = await call(b.url, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD }, ip: '100.64.2.1' });
    results['then the admin’s right password on POST /auth/login'] = `${adminLogin.status}, Retry-After ${adminLogin.retryAfter} s`;
    results['the admin’s existing token meanwhile'] = (await call(a.url, 'GET', '/api/v1/users', { token: admin })).status;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await dropDatabase(db);
    const redis = new Redis(REDIS_URL);
    for (const key of await redis.keys(`${prefix}:login-throttle:*`)) await redis.del(key);
    await redis.quit();
  }
  for (const [k, v] of Object.entries(results)) console.log(`| ${k} | ${v} |`);
}

main().catch((err) => {
  log(err);
  process.exit(1);
});
