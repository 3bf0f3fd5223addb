import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

export interface PastAppeal {
  branchId: string;
  categoryId: string;
  agencyId?: string | null;
  channel: string;
  type: string;
  receivedOn: string;
  status: 'registered' | 'routed' | 'in_progress' | 'answered' | 'closed' | 'withdrawn';
  outcome?: 'positive' | 'explained' | 'rejected' | 'without_consideration';
  deadlineState?: 'on_track' | 'due_soon' | 'overdue' | 'met' | 'missed';
  receptionId?: string;
}

/**
 * Writes a past appeal straight into the table, as a migration or an import would: the
 * aggregate triggers see it like any other write.
 */
export async function insertPastAppeal(t: TestApp, a: PastAppeal): Promise<string> {
  const answered = a.status === 'answered' || a.status === 'closed' || (a.status === 'withdrawn' && a.outcome);
  const [row] = await t.db.query(
    `INSERT INTO appeals (number, tracking_code, channel, type, status, outcome, category_id, branch_id, agency_id, subject, text,
                          language, anonymous, received_at, received_on, due_date, deadline_state, answered_at, answer_text,
                          answer_reason, closed_at, reception_id)
     VALUES ($1, 'TRACK', $2, $3, $4::varchar, $5::varchar, $6, $7, $8, 'Тема', 'Текст', 'ru', true, ($9::date + time '10:00') AT TIME ZONE 'Asia/Almaty',
             $9::date, $9::date + 21, $10, CASE WHEN $11 THEN ($9::date + 5)::timestamptz END, CASE WHEN $11 THEN 'Ответ' END,
             CASE WHEN $5::varchar IN ('rejected','without_consideration') THEN 'Основание' END,
             CASE WHEN $4::varchar = 'closed' THEN ($9::date + 6)::timestamptz END, $12)
     RETURNING id`,
    [
      `T-${randomBytes(6).toString('hex')}`, a.channel, a.type, a.status, a.outcome ?? null, a.categoryId, a.branchId, a.agencyId ?? null,
      a.receivedOn, a.deadlineState ?? 'on_track', Boolean(answered), a.receptionId ?? null,
    ],
  );
  return row.id;
}
