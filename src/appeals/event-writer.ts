import { EntityManager } from 'typeorm';

export interface NewEvent {
  appealId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
  at?: Date;
}

/** Appends history events inside the caller's transaction, in one statement, in the given order. */
export async function writeEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  await manager.query(
    `INSERT INTO appeal_events (appeal_id, type, actor_id, data, at)
     SELECT e.appeal_id, e.type, e.actor_id, e.data, coalesce(e.at, now())
       FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::jsonb[], $5::timestamptz[]) WITH ORDINALITY
            AS e(appeal_id, type, actor_id, data, at, n)
      ORDER BY e.n`,
    [
      events.map((e) => e.appealId),
      events.map((e) => e.type),
      events.map((e) => e.actorId),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => e.at?.toISOString() ?? null),
    ],
  );
}
