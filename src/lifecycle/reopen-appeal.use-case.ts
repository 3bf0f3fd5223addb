import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { openDeadlineState } from './deadline-rules';
import { ReasonBody } from './lifecycle.dto';

/**
 * The branch sends the answer back to the same agency for more work. The answer is cleared
 * (outcome, text, reason, answeredAt): a case being reworked is not decided, so reports and the
 * portal must not show the old outcome. The old answer stays in the history ("answered" event
 * and this event's data). The due date does not change; the branch may extend it.
 */
@Injectable()
export class ReopenAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: ReasonBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'reopen', body.expectedVersion, ({ appeal, today }) => ({
      changes: {
        outcome: null,
        answerText: null,
        answerReason: null,
        answeredAt: null,
        closedAt: null,
        deadlineState: openDeadlineState(appeal.dueDate, today),
      },
      event: { reason: body.reason, previousOutcome: appeal.outcome, previousAnsweredAt: appeal.answeredAt?.toISOString() ?? null },
    }));
  }
}
