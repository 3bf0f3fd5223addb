import { EntityManager } from 'typeorm';

export type StaffNoticeKind = 'routed' | 'clarification_received';

export interface NewStaffNotice {
  /** Unique per notice: the same effect written twice is one notice. */
  effectKey: string;
  kind: StaffNoticeKind;
  appealId: string;
  branchId: string | null;
  agencyId: string | null;
  data: Record<string, unknown>;
}

/**
 * Adds notices to the staff inbox (src/deadlines/staff-notifications.ts) inside the caller's
 * transaction, in one statement; the deadline effects write theirs in deadline-effects.ts.
 */
export async function writeStaffNotices(manager: EntityManager, notices: NewStaffNotice[]): Promise<void> {
  if (!notices.length) return;
  await manager.query(
    `INSERT INTO staff_notifications (effect_key, kind, appeal_id, branch_id, agency_id, data)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::jsonb[])
     ON CONFLICT (effect_key) DO NOTHING`,
    [
      notices.map((n) => n.effectKey),
      notices.map((n) => n.kind),
      notices.map((n) => n.appealId),
      notices.map((n) => n.branchId),
      notices.map((n) => n.agencyId),
      notices.map((n) => JSON.stringify(n.data)),
    ],
  );
}

/**
 * The notice to an agency that a case was routed to it, keyed by the case's version after the
 * routing (registration routes at version 1, register-appeal.sql.ts writes the same key).
 */
export function routedNotice(appealId: string, agencyId: string, version: number, data: Record<string, unknown> = {}): NewStaffNotice {
  return { effectKey: `routed.${appealId}.v${version}`, kind: 'routed', appealId, branchId: null, agencyId, data };
}
