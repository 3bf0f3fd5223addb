import { EntityManager } from 'typeorm';
import { AppealType, DeadlineState } from '../appeals/appeal.enums';
import { CLOCK_ON_STATUSES, CLOCK_RUNNING_STATUSES, DeadlineSubject } from './deadline-plan';

/** A case as the deadline worker reads it: what the plan needs, and the effects already carried out. */
export interface DeadlineCase extends DeadlineSubject {
  type: AppealType;
  branchId: string;
  agencyId: string | null;
  deadlineState: DeadlineState;
  /** Effect keys of the staff notifications this case already produced. */
  done: Set<string>;
}

const CASE_COLUMNS = `
  a.id, a.status, a.type, a.due_date AS "dueDate", a.received_on AS "receivedOn", a.branch_id AS "branchId",
  a.agency_id AS "agencyId", a.deadline_state AS "deadlineState",
  coalesce((SELECT array_agg(n.effect_key) FROM staff_notifications n WHERE n.appeal_id = a.id), '{}') AS done`;
const SELECT_CASES = `SELECT ${CASE_COLUMNS} FROM appeals a`;

type Row = Omit<DeadlineCase, 'done'> & { done: string[] };
/** The row as a case; columns a query adds besides the case's are kept. */
const toCase = <R extends Row>(r: R): Omit<R, 'done'> & DeadlineCase => ({ ...r, done: new Set(r.done) });

/** These cases (those that exist), in id order; `lock` takes their rows for the caller's transaction. */
export async function loadDeadlineCases(m: EntityManager, ids: string[], lock = false): Promise<DeadlineCase[]> {
  const rows: Row[] = await m.query(`${SELECT_CASES} WHERE a.id = ANY($1::uuid[]) ORDER BY a.id ${lock ? 'FOR UPDATE OF a' : ''}`, [ids]);
  return rows.map(toCase);
}

/** The cases a sync of whose jobs still waits in the outbox (the relay will make it). */
const SYNC_IN_OUTBOX = `SELECT o.appeal_id FROM outbox o WHERE o.topic = 'deadlines' AND o.relayed_at IS NULL`;

/** These cases (those that exist), in id order, each with whether a sync of its jobs still waits in the outbox (the relay will make it). */
export async function loadCasesWithSyncState(m: EntityManager, ids: string[]): Promise<(DeadlineCase & { syncPending: boolean })[]> {
  const rows: (Row & { syncPending: boolean })[] = await m.query(
    `SELECT c.*, c.id IN (${SYNC_IN_OUTBOX} AND o.appeal_id = ANY($1::uuid[])) AS "syncPending"
       FROM (${SELECT_CASES} WHERE a.id = ANY($1::uuid[])) c
      ORDER BY c.id`,
    [ids],
  );
  return rows.map(toCase);
}

/** A case as a calendar change sees it: what its due date is computed from, besides the plan's needs. */
export interface DueDateBasisCase extends DeadlineCase {
  deadlineStart: string;
  term: number;
  paused: number;
  extended: boolean;
}

/**
 * The next page of open cases (the clock running or paused) in reach of a calendar change on
 * `changedDay`, after `afterId` up to `upToId` in id order, locked for the caller's transaction:
 * the clock started before the day, and either the due date is not before the day (it may move,
 * and with it every moment) or the case's queued moment may lie after the day although its due
 * date does not: an escalation (the case is overdue; its due date not before `horizon`) or the
 * forwarding check (still registered). A case due before the day and not yet overdue has its
 * queued moment, the reminder or the due moment, before the day too: nothing of it moves.
 */
export async function lockCasesInReachAfter(
  m: EntityManager,
  afterId: string,
  upToId: string,
  changedDay: string,
  horizon: string,
  limit: number,
): Promise<DueDateBasisCase[]> {
  const rows: (Row & Omit<DueDateBasisCase, keyof DeadlineCase>)[] = await m.query(
    `SELECT ${CASE_COLUMNS}, a.deadline_start AS "deadlineStart", a.deadline_term_workdays AS term,
            a.paused_workdays AS paused, a.due_date_extended AS extended
       FROM appeals a
      WHERE a.status = ANY($6) AND a.id > $1 AND a.id <= $5
        AND a.deadline_start < $2 AND a.due_date >= $3
        AND (a.due_date >= $2 OR a.deadline_state = 'overdue' OR a.status = 'registered')
      ORDER BY a.id LIMIT $4
      FOR UPDATE OF a`,
    [afterId, changedDay, horizon, limit, upToId, CLOCK_ON_STATUSES],
  );
  return rows.map(toCase);
}

export const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/** The ids after `after` up to and including `upTo`. */
export interface IdRange {
  after: string;
  upTo: string;
}

/** The id space cut into `n` equal ranges by leading hex digit (n divides 16); appeal ids are random. */
export function idRanges(n: number): IdRange[] {
  const last = (i: number) => `${((i + 1) * (16 / n) - 1).toString(16)}fffffff-ffff-ffff-ffff-ffffffffffff`;
  return Array.from({ length: n }, (_, i) => ({ after: i === 0 ? FIRST_UUID : last(i - 1), upTo: last(i) }));
}

/** The ids of the next page of cases whose clock runs, after `afterId` up to `upToId`, in id order. */
export async function runningCaseIdsAfter(m: EntityManager, afterId: string, upToId: string, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT a.id FROM appeals a WHERE a.status = ANY($1) AND a.id > $2 AND a.id <= $3 ORDER BY a.id LIMIT $4`,
    [CLOCK_RUNNING_STATUSES, afterId, upToId, limit],
  );
  return rows.map((r) => r.id);
}
