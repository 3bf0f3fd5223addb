import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-topics';

/** Appends messages to the outbox inside the caller's transaction, in one statement. */
export async function writeOutbox(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
  if (!messages.length) return;
  await manager.query(
    `INSERT INTO outbox (topic, appeal_id, payload)
     SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::jsonb[])`,
    [messages.map((m) => m.topic), messages.map((m) => m.appealId), messages.map((m) => JSON.stringify(m.payload ?? {}))],
  );
}
