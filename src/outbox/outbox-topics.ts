/**
 * What the worker is asked to do after a change. Rows are written in the change's own
 * transaction, so an acknowledged change never loses its follow-up work.
 */
export const OUTBOX_TOPICS = {
  /** Tell the citizen something happened to their case (receipt, forwarded, extended, ...). */
  notification: 'notification',
  /** (Re)compute the case's deadline jobs from its current state in Postgres. */
  deadlines: 'deadlines',
  /** A calendar day changed (payload `{date}`): recompute the due dates it moves. No case of its own. */
  calendar: 'calendar',
  /** A historical import was accepted (payload `{importId}`): run it in the worker. No case of its own. */
  import: 'import',
} as const;

export type OutboxTopic = (typeof OUTBOX_TOPICS)[keyof typeof OUTBOX_TOPICS];

export interface OutboxMessage {
  topic: OutboxTopic;
  /** null for a message about no single case (calendar, import). */
  appealId: string | null;
  payload?: Record<string, unknown>;
}
