import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { answeredDeadlineState } from './deadline-rules';
import { AnswerAppealDto } from './lifecycle.dto';

/**
 * The agency's decision. Whether it came in time is fixed now, by the date in APP_TIMEZONE.
 * The event keeps the whole answer, so it survives a reopen that clears it from the case.
 */
@Injectable()
export class AnswerAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: AnswerAppealDto): Promise<Appeal> {
    return this.transitions.run(principal, id, 'answer', body.expectedVersion, ({ appeal, at, today }) => {
      const deadlineState = answeredDeadlineState(today, appeal.dueDate);
      return {
        changes: { outcome: body.outcome, answerText: body.text, answerReason: body.reason ?? null, answeredAt: at, deadlineState },
        event: { outcome: body.outcome, reason: body.reason, text: body.text, dueDate: appeal.dueDate, deadlineState },
        notification: { kind: 'answered', outcome: body.outcome },
      };
    });
  }
}
