import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { Appeal } from '../appeals/appeal.entity';
import { writeEvents } from '../appeals/event-writer';
import { ScopedAppeals } from '../appeals/scoped-appeals';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { NewStaffNotice, writeStaffNotices } from '../deadlines/staff-notice-writer';
import { OutboxMessage, OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
import { Action, decide, TRANSITIONS } from './appeal-transitions';

/** What an action's plan sees: the case as locked, before the change. */
export interface TransitionContext {
  appeal: Appeal;
  manager: EntityManager;
  /** The instant of the change: row timestamps and the event carry the same one. */
  at: Date;
  /** `at` as a calendar date in APP_TIMEZONE. */
  today: string;
  /** Any instant as a calendar date in APP_TIMEZONE. */
  localDate: (instant: Date) => string;
}

/** What an action changes besides the status and the version. */
export interface TransitionPlan {
  changes?: Partial<Appeal>;
  /** Event data besides from, to and agencyId (the case's agency before the change). */
  event?: Record<string, unknown>;
  /** The citizen `notification` payload, when the citizen is to be told. */
  notification?: Record<string, unknown>;
  /** Notices for the staff inbox (e.g. the agency a case was routed to). */
  staffNotices?: NewStaffNotice[];
}

export type Planner = (ctx: TransitionContext) => TransitionPlan | Promise<TransitionPlan>;

/**
 * The one way a case changes status: in a single transaction, lock the row through the
 * caller's scope, check the expected version and the state machine, let the action plan its
 * change, then write the row, its history event and its outbox messages together.
 */
@Injectable()
export class ApplyTransition {
  constructor(
    private readonly ds: DataSource,
    private readonly appeals: ScopedAppeals,
    private readonly env: Environment,
  ) {}

  run(principal: Principal, id: string, action: Action, expectedVersion: number | undefined, plan: Planner): Promise<Appeal> {
    return this.ds.transaction(async (manager) => {
      const appeal = await this.appeals.getForUpdate(principal, id, manager);
      if (expectedVersion !== undefined && expectedVersion !== appeal.version) {
        throw versionConflict(`The appeal is at version ${appeal.version}, not ${expectedVersion}; reload it and try again`);
      }
      const decision = decide(appeal, action, principal);
      if (!decision.allowed) throw decision.error;

      const at = new Date();
      const localDate = (instant: Date) => DateTime.fromJSDate(instant, { zone: this.env.APP_TIMEZONE }).toISODate()!;
      const planned = await plan({ appeal, manager, at, today: localDate(at), localDate });
      const changes: Partial<Appeal> = { ...planned.changes, status: decision.to };

      // The row lock makes a clash impossible here; the version guard keeps that true even for a
      // writer that forgets to lock.
      const updated = await manager
        .createQueryBuilder()
        .update(Appeal)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: appeal.version })
        .execute();
      if (updated.affected !== 1) throw versionConflict('The appeal has changed meanwhile; reload it and try again');

      const transition = TRANSITIONS[action];
      await writeEvents(manager, [
        {
          appealId: id,
          type: transition.event,
          actorId: principal.userId,
          at,
          data: { from: appeal.status, to: decision.to, agencyId: appeal.agencyId, ...planned.event },
        },
      ]);
      const messages: OutboxMessage[] = [];
      if (planned.notification) messages.push({ topic: OUTBOX_TOPICS.notification, appealId: id, payload: planned.notification });
      if (transition.affectsDeadlines) messages.push({ topic: OUTBOX_TOPICS.deadlines, appealId: id, payload: { after: transition.event } });
      await writeOutbox(manager, messages);
      await writeStaffNotices(manager, planned.staffNotices ?? []);

      return Object.assign(appeal, changes, { version: appeal.version + 1 });
    });
  }
}

function versionConflict(message: string): AppError {
  return new AppError('VERSION_CONFLICT', message);
}
