import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { dueDateAfterPause, openDeadlineState } from './deadline-rules';
import { TransitionBody } from './lifecycle.dto';

/** The clarification has come: the clock restarts and the due date moves by the working days lost. */
@Injectable()
export class ResumeAppeal {
  constructor(
    private readonly transitions: ApplyTransition,
    private readonly calendar: CalendarService,
  ) {}

  execute(principal: Principal, id: string, body: TransitionBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'resume', body.expectedVersion, async ({ appeal, today, localDate }) => {
      // paused_at is set exactly while paused (a CHECK constraint), and only paused cases get here.
      const pausedOn = localDate(appeal.pausedAt!);
      const moved = dueDateAfterPause(await this.calendar.calendar(), appeal.dueDate, pausedOn, today);
      return {
        changes: {
          pausedAt: null,
          dueDate: moved.dueDate,
          pausedWorkdays: appeal.pausedWorkdays + moved.workdaysPaused,
          ...(moved.workdaysPaused > 0 && { deadlineState: openDeadlineState(moved.dueDate, today) }),
        },
        event: { pausedOn, workdaysPaused: moved.workdaysPaused, previousDueDate: appeal.dueDate, dueDate: moved.dueDate },
      };
    });
  }
}
