import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { Status } from '../appeals/appeal.enums';
import { termDueDate } from '../calendar/statutory-term';
import { WorkingCalendar } from '../calendar/working-calendar';
import { DeadlinePolicy } from './deadline-policy';

/**
 * The deadline moments of an open case, computed from its state in Postgres alone, so its job can
 * always be rebuilt (STYLE.md "Deterministic job ids"); the queue holds only the next one
 * ({@link nextDeadlineJob}).
 *
 * - forwarding: a case still `registered` when the forwarding term ends alerts its branch;
 * - reminder: some working days before the due date the agency is reminded (state `due_soon`);
 * - due: at the end of the due date the case becomes `overdue` and the branch is told;
 * - escalation: further working days later, each step goes up the branch tree.
 *
 * Only a running clock has jobs: a paused case (waiting for the citizen) and a decided or
 * withdrawn one have none.
 */

export const DEADLINE_JOB_KINDS = ['forwarding', 'reminder', 'due', 'escalation'] as const;
export type DeadlineJobKind = (typeof DEADLINE_JOB_KINDS)[number];

export const CLOCK_RUNNING_STATUSES: readonly Status[] = ['registered', 'routed', 'in_progress'];
/** The statutory clock runs or is stopped: the case has a due date that can still move. */
export const CLOCK_ON_STATUSES: readonly Status[] = [...CLOCK_RUNNING_STATUSES, 'paused'];

/** The hour (APP_TIMEZONE) at which reminders go out on their working day. */
const REMINDER_HOUR = 9;

/** A case as the plan sees it. */
export interface DeadlineSubject {
  id: string;
  status: Status;
  dueDate: string;
  receivedOn: string;
}

export interface DeadlineJobData {
  appealId: string;
  kind: DeadlineJobKind;
  /** The date the job is about: the due date, or the date of receipt for the forwarding check. */
  on: string;
  /** Escalation step, 1-based. */
  step?: number;
}

/** A moment of a case's plan. */
export interface DeadlineMoment {
  /** The effect's identity: a moment with this key acts at most once, whenever and however often its job runs. */
  effectKey: string;
  runAt: Date;
  /** The calendar date (APP_TIMEZONE) of `runAt`. */
  runDate: string;
  data: DeadlineJobData;
}

/** The moment a case keeps in the queue, with its BullMQ job id. */
export interface PlannedDeadlineJob extends DeadlineMoment {
  /** From the effect key and the run date, so a calendar change gives a new job ({@link deadlineJobId}). */
  jobId: string;
}

export function effectKeyOf(data: DeadlineJobData): string {
  const kind = data.kind === 'escalation' ? `escalation-${data.step}` : data.kind;
  return `deadline.${data.appealId}.${kind}.${data.on}`;
}

/**
 * `d.` and 16 base64url characters (96 bits) of a SHA-256 of the effect key and the run date:
 * deterministic, so the same moment is never queued twice, and short, because BullMQ writes the id
 * into the job's options too and a job hash stays compact in Redis only while every value is at
 * most 64 bytes (deadline-jobs.ts). The job's payload names the effect in full.
 */
export function deadlineJobId(effectKey: string, runDate: string): string {
  return `d.${createHash('sha256').update(`${effectKey}@${runDate}`).digest('base64url').slice(0, 16)}`;
}

/**
 * The moments of the case at `now`. `done` holds the effect keys already carried out (their
 * staff notifications exist), which are not planned again.
 */
export function planDeadlineMoments(
  subject: DeadlineSubject,
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  zone: string,
  done: ReadonlySet<string> = new Set(),
  now: number = Date.now(),
): DeadlineMoment[] {
  if (!CLOCK_RUNNING_STATUSES.includes(subject.status)) return [];
  const moments: DeadlineMoment[] = [];
  const add = (data: DeadlineJobData, at: Instant) => {
    const effectKey = effectKeyOf(data);
    if (done.has(effectKey)) return;
    moments.push({ effectKey, runAt: new Date(at.ms), runDate: at.date, data });
  };
  const base = { appealId: subject.id };

  if (subject.status === 'registered') {
    add({ ...base, kind: 'forwarding', on: subject.receivedOn }, endOfDay(termDueDate(calendar, subject.receivedOn, policy.forwardingWorkdays), zone));
  }
  const dueMoment = endOfDay(subject.dueDate, zone);
  // Once the due moment has come a reminder has nothing left to remind of.
  if (policy.reminderLeadWorkdays > 0 && dueMoment.ms > now) {
    const remindOn = calendar.subtractWorkingDays(subject.dueDate, policy.reminderLeadWorkdays);
    add({ ...base, kind: 'reminder', on: subject.dueDate }, reminderMoment(remindOn, zone));
  }
  add({ ...base, kind: 'due', on: subject.dueDate }, dueMoment);
  policy.escalationWorkdays.forEach((workdays, i) => {
    add({ ...base, kind: 'escalation', on: subject.dueDate, step: i + 1 }, endOfDay(calendar.addWorkingDays(subject.dueDate, workdays), zone));
  });
  return moments;
}

/**
 * The one job a case keeps in the queue: its earliest planned moment. When that job runs, the
 * handler carries out every moment whose time has come and the case is synced again, which queues
 * the moment after, in the same transaction (deadline-effects.ts). So a pending case costs Redis one job,
 * not one per moment, and a calendar change that moves every moment of a case replaces one job.
 * Moments of the same instant keep the plan's order (reminder, due, escalations).
 */
export function nextDeadlineJob(moments: readonly DeadlineMoment[]): PlannedDeadlineJob | undefined {
  const next = moments.reduce<DeadlineMoment | undefined>((first, m) => (!first || m.runAt < first.runAt ? m : first), undefined);
  // The id (a hash) only for the moment queued: a plan has four or five moments, a case one job.
  return next && { ...next, jobId: deadlineJobId(next.effectKey, next.runDate) };
}

/** An instant, and its calendar date in the zone it was computed for. */
interface Instant {
  ms: number;
  date: string;
}

/** The first instant after the calendar date `date` ends in `zone`. */
function endOfDay(date: string, zone: string): Instant {
  return remembered(`${zone} ${date} end`, () => DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day'));
}

/** REMINDER_HOUR o'clock of the calendar date `date` in `zone`. */
function reminderMoment(date: string, zone: string): Instant {
  return remembered(`${zone} ${date} ${REMINDER_HOUR}h`, () => DateTime.fromISO(date, { zone }).set({ hour: REMINDER_HOUR }));
}

/**
 * Instants already computed, by zone and day. Plans ask for the same few days over and over (a day's
 * appeals share their due dates), and luxon works a zone's offset out afresh on every construction:
 * it was the worker's largest cost after I/O.
 */
const INSTANTS_KEPT = 10_000;
const instants = new Map<string, Instant>();
function remembered(key: string, compute: () => DateTime): Instant {
  let instant = instants.get(key);
  if (!instant) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    const at = compute();
    instant = { ms: at.toMillis(), date: at.toISODate()! };
    instants.set(key, instant);
  }
  return instant;
}
