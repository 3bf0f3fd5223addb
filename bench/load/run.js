// Load without loss (issue 6.3): `npm run bench:load -- [appeals=100000] [--apis 3] [--workers 2] [--concurrency 48]`.
//
// Several API and worker processes at once on one database and one Redis (a private redis-server),
// intake through every API in turn, part of the cases taken through their lifecycle (accept, answer,
// close; some withdrawn), then checks in Postgres and Redis, each PASS or FAIL:
//   - every 201 is an appeal in Postgres, no appeal without its 201, no duplicate;
//   - registration numbers unique; every appeal has its `registered` event and its outbox rows;
//   - the outbox fully relayed; no notification sent twice; one per (outbox row, channel);
//   - every open case has its deadline jobs in Redis (`npm run deadlines:check`).
// Exits 1 if any check fails.
'use strict';
const { spawn } = require('node:child_process');
const { log, build, prepareDatabase, dropDatabase, startApi, startWorker, auditDeadlineJobs, intakeContext, bodies, post, withClient, machine, args, opt } = require('../intake/lib');

const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const APIS = Number(opt('apis', 3));
const WORKERS = Number(opt('workers', 2));
const CONCURRENCY = Number(opt('concurrency', 48));
const DB = 'appeals_bench_load';
const PREFIX = `load_${process.pid}`;

async function main() {
  if (!args.includes('--no-build')) build();
  const databaseUrl = await prepareDatabase(DB);
  const redisPort = 20000 + (process.pid % 20000);
  const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
  const env = { REDIS_URL: redisUrl, DEADLINE_RECONCILE_EVERY_MS: String(24 * 3600_000) };
  const apis = [];
  const workers = [];
  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok });
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  };
  try {
    for (let i = 0; i < APIS; i++) apis.push(await startApi({ port: 3400 + i, databaseUrl, queuePrefix: PREFIX, env }));
    for (let i = 0; i < WORKERS; i++) {
      workers.push(startWorker({ databaseUrl, queuePrefix: PREFIX, env }));
    }
    const ctx = await intakeContext(apis[0].url, databaseUrl);
    const next = bodies(ctx, 7);
    log(`${APIS} APIs, ${WORKERS} workers, ${N} appeals at concurrency ${CONCURRENCY}`);

    const created = new Map(); // id -> number
    const statuses = {};
    const actions = { accept: 0, answer: 0, close: 0, withdraw: 0 };
    let issued = 0;
    const started = Date.now();
    const one = async (i) => {
      const api = apis[i % APIS].url;
      const res = await post(`${api}/api/v1/appeals`, next(), ctx.token).catch(() => ({ status: 'error' }));
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status !== 201) return;
      if (created.has(res.body.id)) statuses.duplicateId = (statuses.duplicateId ?? 0) + 1;
      created.set(res.body.id, res.body.number);
      // Lifecycle on part of the cases, through another API process than the one that took it in.
      const other = apis[(i + 1) % APIS].url;
      const act = async (name, body = {}) => {
        const r = await post(`${other}/api/v1/appeals/${res.body.id}/${name}`, body, ctx.adminToken).catch(() => ({ status: 'error' }));
        statuses[`${name}:${r.status}`] = (statuses[`${name}:${r.status}`] ?? 0) + 1;
        if (r.status === 200) actions[name]++;
        return r.status === 200;
      };
      if (i % 10 < 3 && (await act('accept')) && (await act('answer', { outcome: i % 2 ? 'positive' : 'explained', text: 'Ответ заявителю' }))) await act('close');
      else if (i % 10 === 9) await act('withdraw', { reason: 'by the applicant' });
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued < N) await one(issued++);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    log(`driven in ${seconds.toFixed(1)} s: ${Math.round(N / seconds)} appeals/s with their lifecycle; statuses ${JSON.stringify(statuses)}`);

    // Let the workers drain the outbox and the queues.
    await withClient(databaseUrl, async (c) => {
      for (let quiet = 0; quiet < 3; ) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
        const { rows: pendingSms } = await c.query(
          `SELECT count(*)::int AS n FROM outbox o WHERE o.topic = 'notification' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.outbox_id = o.id AND n.status = 'sent')`,
        );
        quiet = rows[0].n === 0 && pendingSms[0].n === 0 ? quiet + 1 : 0;
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
    await new Promise((r) => setTimeout(r, 3000)); // the last sync jobs

    await withClient(databaseUrl, async (c) => {
      const one = async (sql, params = []) => (await c.query(sql, params)).rows[0];
      const { n: appeals } = await one(`SELECT count(*)::int AS n FROM appeals`);
      check('every 201 is an appeal in Postgres and every appeal had its 201', appeals === created.size && (statuses[201] ?? 0) === created.size, `${appeals} appeals, ${created.size} distinct 201s`);
      const ids = [...created.keys()];
      const { n: found } = await one(`SELECT count(*)::int AS n FROM appeals WHERE id = ANY($1)`, [ids]);
      check('no appeal lost', found === ids.length, `${found}/${ids.length}`);
      check('no appeal duplicated (ids)', !statuses.duplicateId);
      const { n: numbers } = await one(`SELECT count(DISTINCT number)::int AS n FROM appeals`);
      check('registration numbers unique', numbers === appeals && new Set(created.values()).size === created.size, `${numbers} distinct of ${appeals}`);
      const { n: noEvent } = await one(`SELECT count(*)::int AS n FROM appeals a WHERE NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.type = 'registered')`);
      check("every appeal has its 'registered' event", noEvent === 0, `${noEvent} without`);
      const { n: noOutbox } = await one(`SELECT count(*)::int AS n FROM appeals a WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.appeal_id = a.id AND o.topic = 'deadlines')`);
      check('every appeal has its outbox rows', noOutbox === 0, `${noOutbox} without`);
      const events = await c.query(`SELECT type, count(*)::int AS n FROM appeal_events WHERE type IN ('accepted','answered','closed','withdrawn') GROUP BY type`);
      const byType = Object.fromEntries(events.rows.map((r) => [r.type, r.n]));
      check(
        'every acknowledged lifecycle action has its event',
        (byType.accepted ?? 0) === actions.accept && (byType.answered ?? 0) === actions.answer && (byType.closed ?? 0) === actions.close && (byType.withdrawn ?? 0) === actions.withdraw,
        `${JSON.stringify(actions)} vs ${JSON.stringify(byType)}`,
      );
      const { n: unrelayed } = await one(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
      check('outbox fully relayed', unrelayed === 0, `${unrelayed} pending`);
      const { n: dupes } = await one(`SELECT count(*)::int AS n FROM (SELECT outbox_id, channel FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`);
      check('no notification sent twice', dupes === 0, `${dupes} duplicates`);
      const { n: notificationRows } = await one(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'notification'`);
      const { n: sms } = await one(`SELECT count(*)::int AS n FROM notifications WHERE channel = 'sms' AND status = 'sent'`);
      check('every notification sent once (SMS per outbox row)', sms === notificationRows, `${sms} SMS for ${notificationRows} notification rows`);
    });

    const audit = auditDeadlineJobs({ databaseUrl, queuePrefix: PREFIX, env });
    check('every open case has its deadline jobs in Redis', audit.pass, audit.output);
    console.log(`machine: ${JSON.stringify(machine())}`);
  } finally {
    // Workers and APIs first, Redis last, so nobody is left reconnecting to it.
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(apis.map((a) => a.stop()));
    redis.kill('SIGKILL');
    if (!args.includes('--keep')) await dropDatabase(DB);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
