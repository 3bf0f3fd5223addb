import { INestApplicationContext } from '@nestjs/common';
import { loadEnvironment } from '../src/config/environment';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';
import { DatabaseSmsTransport, EmailTransport } from '../src/notifications/transports';
import { startTestApp, TestApp } from './support/test-app';
import { eventually, startTestWorker } from './support/test-worker';
import { appealInput, buildWorld, World } from './support/world';

describe('citizen notifications through the outbox and the worker', () => {
  let t: TestApp;
  let w: World;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('sends the receipt and the "forwarded" SMS in the language of the appeal, once each', async () => {
    const { receivedAt: _r, ...body } = appealInput(w, { language: 'kk' });
    const res = await w.anonymous.post('/portal/appeals', body);
    expect(res.status).toBe(201);

    const rows = await eventually(async () => {
      const found = await t.db.query(`SELECT kind, channel, recipient, body, status FROM notifications WHERE appeal_id = $1 ORDER BY outbox_id`, [res.body.id]);
      return found.length === 2 && found.every((r: { status: string }) => r.status === 'sent') && found;
    });
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['receipt', 'routed']);
    expect(rows[0]).toMatchObject({ channel: 'sms', recipient: '+77011234567' });
    expect(rows[0].body).toContain(res.body.number);
    expect(rows[0].body).toContain(res.body.trackingCode);
    expect(rows[0].body).toContain('Өтінішіңіз тіркелді');
    expect(rows[1].body).toContain('Акимат города Алматы');

    const pending = await t.db.query(`SELECT count(*) AS n FROM outbox WHERE appeal_id = $1 AND topic = 'notification' AND relayed_at IS NULL`, [res.body.id]);
    expect(pending[0].n).toBe(0);
  });

  it('never sends the same notification twice, even when the job runs again or concurrently', async () => {
    const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' });
    const [{ id: outboxId }] = await t.db.query(
      `SELECT id FROM outbox WHERE appeal_id = $1 AND topic = 'notification' AND payload->>'kind' = 'receipt'`,
      [res.body.id],
    );
    const dispatcher = worker.get(NotificationDispatcher);
    await Promise.all([dispatcher.deliver(outboxId), dispatcher.deliver(outboxId), dispatcher.deliver(outboxId)]);
    await eventually(async () => {
      const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM notifications WHERE outbox_id = $1 AND status = 'sent'`, [outboxId]);
      return n === 1;
    });
    const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM notifications WHERE outbox_id = $1`, [outboxId]);
    expect(n).toBe(1);
  });

  it('sends nothing for an anonymous appeal (nobody to reach)', async () => {
    const body = appealInput(w, { anonymous: true });
    delete body.applicant;
    const res = await w.users.operatorAla.post('/appeals', { ...body, channel: 'mail' });
    await eventually(async () => {
      const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM outbox WHERE appeal_id = $1 AND topic = 'notification' AND relayed_at IS NULL`, [res.body.id]);
      return n === 0;
    });
    const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM notifications WHERE appeal_id = $1`, [res.body.id]);
    expect(n).toBe(0);
  });

  it('records a failed send with its attempts and error, never marks it sent, and keeps the channels apart', async () => {
    const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail' });
    const [{ id: outboxId }] = await t.db.query(
      `SELECT id FROM outbox WHERE appeal_id = $1 AND topic = 'notification' AND payload->>'kind' = 'receipt'`,
      [res.body.id],
    );
    // E-mail through an SMTP server that is not there: a real connection refused, on port 1.
    const env = loadEnvironment({ ...process.env, SMTP_URL: 'smtp://127.0.0.1:1' });
    const dispatcher = new NotificationDispatcher(t.db, new DatabaseSmsTransport(), new EmailTransport(env));
    await expect(dispatcher.deliver(outboxId)).rejects.toThrow();
    await expect(dispatcher.deliver(outboxId)).rejects.toThrow();

    const rows = await t.db.query(`SELECT channel, status, attempts, last_error AS "lastError" FROM notifications WHERE outbox_id = $1 ORDER BY channel`, [outboxId]);
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'email', status: 'pending', attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) }),
      expect.objectContaining({ channel: 'sms', status: 'sent', attempts: 1 }),
    ]);
  });

  it('names the agency in the language of the appeal: Kazakh for a kk appeal, Russian for a ru one', async () => {
    // The admin API creates agencies with `names`; the world's akimat was created with `name` only (API.md v1).
    await t.db.query(`UPDATE agencies SET names = $2 WHERE id = $1`, [
      w.agencies.alaAkimat,
      { kk: 'Алматы қаласының әкімдігі', ru: 'Акимат города Алматы', en: 'Akimat of Almaty' },
    ]);
    const bodies: Record<string, string> = {};
    for (const language of ['kk', 'ru']) {
      const { receivedAt: _r, ...body } = appealInput(w, { language });
      const res = await w.anonymous.post('/portal/appeals', body);
      expect(res.status).toBe(201);
      const [routed] = await eventually(async () => {
        const found = await t.db.query(`SELECT body FROM notifications WHERE appeal_id = $1 AND kind = 'routed' AND status = 'sent'`, [res.body.id]);
        return found.length === 1 && found;
      });
      bodies[language] = routed.body;
    }
    expect(bodies.kk).toContain('қарауға жіберілді: Алматы қаласының әкімдігі');
    expect(bodies.kk).not.toContain('Акимат');
    expect(bodies.ru).toContain('направлено в Акимат города Алматы');
  });
});

