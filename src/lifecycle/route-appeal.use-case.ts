import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { CalendarService } from '../calendar/calendar.service';
import { termStartDay } from '../calendar/statutory-term';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { DeadlinePolicies } from '../deadlines/deadline-policies.service';
import { routedNotice } from '../deadlines/staff-notice-writer';
import { ApplyTransition, TransitionContext } from './apply-transition';
import { RouteAppealDto } from './lifecycle.dto';

/**
 * Sends the case to an agency, or transfers it to another one. By default the citizen's clock
 * keeps running (DOMAIN.md: a transfer does not restart it); a policy may say otherwise, and
 * then a transfer starts a fresh term from today. Sending it to the agency it already has is
 * refused: it would change nothing but tell the citizen it was forwarded.
 */
@Injectable()
export class RouteAppeal {
  constructor(
    private readonly transitions: ApplyTransition,
    private readonly policies: DeadlinePolicies,
    private readonly calendar: CalendarService,
  ) {}

  execute(principal: Principal, id: string, body: RouteAppealDto): Promise<Appeal> {
    return this.transitions.run(principal, id, 'route', body.expectedVersion, async (ctx) => {
      const { appeal, manager } = ctx;
      const [agency] = await manager.query(`SELECT id FROM agencies WHERE id = $1`, [body.agencyId]);
      if (!agency) throw AppError.validation('agencyId', 'agency does not exist', 'not_exists');
      if (appeal.agencyId === body.agencyId) {
        throw new AppError('INVALID_TRANSITION', 'The appeal is already assigned to this agency', [{ field: 'agencyId', message: 'is the current agency', code: 'same_agency' }]);
      }
      const restart = appeal.agencyId ? await this.restartedClock(ctx) : undefined;
      return {
        changes: { agencyId: body.agencyId, ...restart },
        event: { agencyId: body.agencyId, fromAgencyId: appeal.agencyId, reason: body.reason, ...(restart && { previousDueDate: appeal.dueDate, dueDate: restart.dueDate }) },
        notification: { kind: 'routed', agencyId: body.agencyId, fromAgencyId: appeal.agencyId },
        // The new agency's officers learn of the case in their inbox; the version makes each routing its own notice.
        staffNotices: [routedNotice(appeal.id, body.agencyId, appeal.version + 1, { fromAgencyId: appeal.agencyId })],
      };
    });
  }

  /** A transfer under a policy that restarts the clock: a fresh term from today. */
  private async restartedClock({ appeal, today }: TransitionContext): Promise<Partial<Appeal> | undefined> {
    const policy = await this.policies.forType(appeal.type);
    if (!policy.restartOnTransfer) return undefined;
    const calendar = await this.calendar.calendar();
    const deadlineStart = termStartDay(calendar, today);
    return {
      deadlineStart,
      deadlineTermWorkdays: policy.decisionWorkdays,
      pausedWorkdays: 0,
      dueDateExtended: false,
      dueDate: calendar.addWorkingDays(deadlineStart, policy.decisionWorkdays),
      deadlineState: 'on_track',
    };
  }
}
