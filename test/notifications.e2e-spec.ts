import { INestApplicationContext } from '@nestjs/common';
import { TestingModuleBuilder } from '@nestjs/testing';
import { loadEnvironment } from '../src/config/environment';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';
import { DatabaseSmsTransport, EmailTransport, OutgoingMessage } from '../src/notifications/transports';
import { startTestApp, TestApp } from './support/test-app';
import { eventually, startTestWorker } from './support/test-worker';
import { appealInput, buildWorld, VALID_IINS, World } from './support/world';

/**
 * The SMS gateway as the citizen's phone sees it: every message in the order it was handed over.
 * A message carrying a tracking code (the receipt) is slow to hand over, as a real gateway may be,
 * so a later notice picked up at the same moment by another job would overtake it.
 */
class PhoneSmsTransport extends DatabaseSmsTransport {
  static readonly received: OutgoingMessage[] = [];
  override async send(message: OutgoingMessage): Promise<void> {
    if (/код|коды/.test(message.body)) await new Promise((r) => setTimeout(r, 150));
    PhoneSmsTransport.received.push(message);
  }
}

describe('citizen notifications through the outbox and the worker', () => {
  let t: TestApp;
  let w: World;
  let worker: INestApplicationContext;
  let secondWorker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // Two worker processes, each running several notification jobs at once.
    const phone = (b: TestingModuleBuilder) => b.overrideProvider(DatabaseSmsTransport).useClass(PhoneSmsTransport);
    worker = await startTestWorker(t, {}, phone);
    secondWorker = await startTestWorker(t, {}, phone);
  });
  afterAll(async () => {
    await secondWorker?.close();
    await worker?.close();
    await t?.close();
  });

  it('delivers a citizen\'s notices in the order of their events: the receipt before "forwarded to …"', async () => {
    const phones = Array.from({ length: 12 }, (_, i) => `+7701555${String(1000 + i)}`);
    const appeals = await Promise.all(
      phones.map(async (phone, i) => {
        const { receivedAt: _r, ...body } = appealInput(w, { applicant: { fullName: 'Гражданин', iin: VALID_IINS[i % 3], phone } });
        const res = await w.anonymous.post('/portal/appeals', body);
        expect(res.status).toBe(201);
        expect(res.body.status).toBe('routed');
        return res.body as { id: string; number: string; trackingCode: string };
      }),
    );
    const ids = appeals.map((a) => a.id);
    await eventually(async () => {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE appeal_id = ANY($1) AND status = 'sent'`, [ids]);
      return n === 2 * appeals.length;
    }, 20_000);
    for (const [i, a] of appeals.entries()) {
      const handedOver = PhoneSmsTransport.received.filter((m) => m.recipient === phones[i]).map((m) => m.body);
      expect(handedOver).toHaveLength(2);
      expect(handedOver[0]).toContain(a.trackingCode);
      expect(handedOver[1]).toContain('направлено в Акимат города Алматы');
      const sentAt = await t.db.query(`SELECT kind FROM notifications WHERE appeal_id = $1 ORDER BY sent_at`, [a.id]);
      expect(sentAt.map((r: { kind: string }) => r.kind)).toEqual(['receipt', 'routed']);
    }
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

