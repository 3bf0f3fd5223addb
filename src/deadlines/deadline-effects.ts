import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { DeadlineCase, loadDeadlineCases } from './deadline-cases';
import { DeadlineJobData, DeadlineMoment, effectKeyOf, nextDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlineScheduler } from './deadline-scheduler';
import { lockDeadlineSchedules } from './schedule-locks';

/** A job that arrives this much before its planned time was planned with an older calendar. */
const EARLY_TOLERANCE_MS = 5_000;

export type EffectOutcome = 'applied' | 'stale' | 'early' | 'gone';

interface Effect {
  kind: 'reminder' | 'overdue' | 'escalation' | 'forwarding_overdue';
  event: string;
  /** The deadline state the case takes, if any. */
  state?: 'due_soon' | 'overdue';
  branchId: string | null;
  agencyId: string | null;
}

/**
 * What happens when a case's deadline job runs. The handler re-reads the case under a row lock,
 * plans it again and carries out, in order, every moment of the plan whose time has come: the
 * job's own, and any other that came meanwhile (a case keeps one job, its next moment:
 * `nextDeadlineJob`). A moment no longer in the plan (the case was answered, paused,
 * extended or forwarded meanwhile) is not acted on. Each effect, its staff notification and its
 * history event are written in one transaction, keyed by the effect key, so a job run twice,
 * late, or by two workers acts once. The same transaction then queues the case's next moment (the
 * case's sync, under its schedule lock, from the plan just read: no second read of the case).
 */
@Injectable()
export class DeadlineEffects {
  private readonly logger = new Logger(DeadlineEffects.name);

  constructor(
    private readonly ds: DataSource,
    private readonly planner: DeadlinePlanner,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  /** `applied` when at least one moment was carried out; otherwise why nothing was. */
  fire(data: DeadlineJobData): Promise<EffectOutcome> {
    return this.ds.transaction(async (m) => {
      const [c] = await loadDeadlineCases(m, [data.appealId], true);
      if (!c) return 'gone';
      const plan = (await this.planner.plan([c])).get(c.id)!;
      const come = plan.filter((j) => j.runAt.getTime() <= Date.now() + EARLY_TOLERANCE_MS).sort((x, y) => x.runAt.getTime() - y.runAt.getTime());
      let applied = 0;
      for (const moment of come) if (await this.apply(m, c, moment)) applied++;
      // The moments that came are carried out now, or were already: the next one is the earliest of the rest.
      const next = nextDeadlineJob(plan.filter((j) => !come.includes(j)));
      await lockDeadlineSchedules(m, [c.id]);
      await this.scheduler.syncPlanned(m, [c.id], new Map([[c.id, next ? [next] : []]]));
      if (applied) return 'applied';
      const own = plan.find((j) => j.effectKey === effectKeyOf(data));
      if (!own) return 'stale';
      // Planned with an older calendar: queued above at its time (or, with the same id, by the reconciliation).
      this.logger.warn(`deadline job ${own.effectKey} ran before ${own.runAt.toISOString()}; skipped`);
      return 'early';
    });
  }

  /** Carries out one moment; false if it was carried out already (by a run that got there first). */
  private async apply(m: EntityManager, c: DeadlineCase, moment: DeadlineMoment): Promise<boolean> {
    const { data } = moment;
    const effect = await this.effectOf(m, c, data);
    const [inserted] = await m.query(
      `INSERT INTO staff_notifications (effect_key, kind, appeal_id, branch_id, agency_id, data)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (effect_key) DO NOTHING RETURNING id`,
      [moment.effectKey, effect.kind, c.id, effect.branchId, effect.agencyId, JSON.stringify({ dueDate: c.dueDate, step: data.step })],
    );
    if (!inserted) return false;
    if (effect.state) {
      await m.query(`UPDATE appeals SET deadline_state = $2 WHERE id = $1`, [c.id, effect.state]);
      c.deadlineState = effect.state;
    }
    await writeEvents(m, [
      {
        appealId: c.id,
        type: effect.event,
        actorId: null,
        data: {
          dueDate: c.dueDate,
          ...(data.step && { step: data.step }),
          ...(effect.state && { deadlineState: effect.state }),
          notifiedBranchId: effect.branchId,
          notifiedAgencyId: effect.agencyId,
        },
      },
    ]);
    return true;
  }

  /** Who is told, and what changes: the agency is reminded, the branch learns of a late case, escalations go up the tree. */
  private async effectOf(m: EntityManager, c: DeadlineCase, data: DeadlineJobData): Promise<Effect> {
    switch (data.kind) {
      case 'forwarding':
        return { kind: 'forwarding_overdue', event: 'forwarding_overdue', branchId: c.branchId, agencyId: null };
      case 'reminder':
        return {
          kind: 'reminder',
          event: 'due_soon',
          state: c.deadlineState === 'on_track' ? 'due_soon' : undefined,
          branchId: c.agencyId ? null : c.branchId,
          agencyId: c.agencyId,
        };
      case 'due':
        return { kind: 'overdue', event: 'overdue', state: 'overdue', branchId: c.branchId, agencyId: c.agencyId };
      case 'escalation':
        return { kind: 'escalation', event: 'escalated', state: 'overdue', branchId: await escalationBranch(m, c.branchId, data.step ?? 1), agencyId: null };
    }
  }
}

/** Step 1 goes to the case's regional branch, later steps to the central office (the case's own branch at the top). */
async function escalationBranch(m: EntityManager, branchId: string, step: number): Promise<string> {
  const [row] = await m.query(
    `SELECT b.id FROM branches b
      WHERE b.path @> (SELECT path FROM branches WHERE id = $1) AND b.level = $2`,
    [branchId, step === 1 ? 'regional' : 'central'],
  );
  return row?.id ?? branchId;
}
