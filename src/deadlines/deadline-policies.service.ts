import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppealType } from '../appeals/appeal.enums';
import { AppError } from '../common/errors/app-error';
import { DeadlinePolicy } from './deadline-policy';
import { SetDeadlinePolicyDto } from './deadline-policy.dto';

/** How long another process's policy edit may take to reach this one. */
const RELOAD_AFTER_MS = 60_000;

const SELECT_POLICY = `
  SELECT appeal_type AS "appealType", decision_workdays AS "decisionWorkdays", forwarding_workdays AS "forwardingWorkdays",
         reminder_lead_workdays AS "reminderLeadWorkdays", escalation_workdays AS "escalationWorkdays",
         restart_on_transfer AS "restartOnTransfer", updated_at AS "updatedAt"
    FROM deadline_policies`;

/**
 * The deadline policies, six rows held in memory: intake reads them on every appeal, so they
 * are reloaded after an edit here or once a minute, never per request.
 */
@Injectable()
export class DeadlinePolicies {
  private cached?: { policies: Promise<Map<AppealType, DeadlinePolicy>>; loadedAt: number };

  constructor(private readonly ds: DataSource) {}

  async forType(type: AppealType): Promise<DeadlinePolicy> {
    const policy = (await this.all()).get(type);
    // The migration seeds a row per type and the type CHECK allows no other, so this is a broken database.
    if (!policy) throw new Error(`no deadline policy for appeal type ${type}`);
    return policy;
  }

  async list(): Promise<DeadlinePolicy[]> {
    return [...(await this.all()).values()];
  }

  async set(type: AppealType, input: SetDeadlinePolicyDto, actorId: string): Promise<DeadlinePolicy> {
    const steps = input.escalationWorkdays;
    if (steps.some((s, i) => i > 0 && s <= steps[i - 1])) throw AppError.validation('escalationWorkdays', 'must be strictly ascending');
    if (input.reminderLeadWorkdays >= input.decisionWorkdays) {
      throw AppError.validation('reminderLeadWorkdays', 'must be shorter than decisionWorkdays');
    }
    // An UPDATE through TypeORM's query() answers [rows, rowCount].
    const [updated]: [unknown[], number] = await this.ds.query(
      `UPDATE deadline_policies
          SET decision_workdays = $2, forwarding_workdays = $3, reminder_lead_workdays = $4, escalation_workdays = $5,
              restart_on_transfer = $6, updated_at = now(), updated_by = $7
        WHERE appeal_type = $1
        RETURNING appeal_type`,
      [type, input.decisionWorkdays, input.forwardingWorkdays, input.reminderLeadWorkdays, steps, input.restartOnTransfer, actorId],
    );
    if (!updated.length) throw AppError.notFound('Deadline policy');
    this.cached = undefined;
    return this.forType(type);
  }

  private all(): Promise<Map<AppealType, DeadlinePolicy>> {
    if (!this.cached || Date.now() - this.cached.loadedAt > RELOAD_AFTER_MS) {
      const policies = this.load();
      this.cached = { policies, loadedAt: Date.now() };
      policies.catch(() => (this.cached = undefined));
    }
    return this.cached.policies;
  }

  private async load(): Promise<Map<AppealType, DeadlinePolicy>> {
    const rows: DeadlinePolicy[] = await this.ds.query(`${SELECT_POLICY} ORDER BY appeal_type`);
    return new Map(rows.map((r) => [r.appealType, r]));
  }
}
