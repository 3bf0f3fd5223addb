import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { DeadlineCase, loadDeadlineCases } from './deadline-cases';
import { DeadlineJobData, effectKeyOf } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';

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
 * What happens when a deadline moment comes. The handler re-reads the case under a row lock
 * and acts only if the moment is still part of the case's plan (the case has not moved on: it
 * was not answered, paused, extended or forwarded meanwhile) and its time has really come. The
 * effect, its staff notification and its history event are written in one transaction, keyed
 * by the effect key, so a job run twice, late, or by two workers acts once.
 */
@Injectable()
export class DeadlineEffects {
  private readonly logger = new Logger(DeadlineEffects.name);

  constructor(
    private readonly ds: DataSource,
    private readonly planner: DeadlinePlanner,
  ) {}

  fire(data: DeadlineJobData): Promise<EffectOutcome> {
    return this.ds.transaction(async (m) => {
      const [c] = await loadDeadlineCases(m, [data.appealId], true);
      if (!c) return 'gone';
      const key = effectKeyOf(data);
      const planned = (await this.planner.plan([c])).get(c.id)!.find((j) => j.effectKey === key);
      if (!planned) return 'stale';
      if (planned.runAt.getTime() > Date.now() + EARLY_TOLERANCE_MS) {
        // Reconciliation puts it back at the right time.
        this.logger.warn(`deadline job ${key} ran before ${planned.runAt.toISOString()}; skipped`);
        return 'early';
      }
      const effect = await this.effectOf(m, c, data);
      const [inserted] = await m.query(
        `INSERT INTO staff_notifications (effect_key, kind, appeal_id, branch_id, agency_id, data)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (effect_key) DO NOTHING RETURNING id`,
        [key, effect.kind, c.id, effect.branchId, effect.agencyId, JSON.stringify({ dueDate: c.dueDate, step: data.step })],
      );
      if (!inserted) return 'stale';
      if (effect.state) await m.query(`UPDATE appeals SET deadline_state = $2 WHERE id = $1`, [c.id, effect.state]);
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
      return 'applied';
    });
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
