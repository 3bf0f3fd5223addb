import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { OptionalReasonBody } from './lifecycle.dto';

/**
 * The citizen withdraws the appeal. The agency and any answer stay on the row for the reports;
 * a stopped clock is simply over.
 */
@Injectable()
export class WithdrawAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: OptionalReasonBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'withdraw', body.expectedVersion, () => ({
      changes: { pausedAt: null },
      event: { reason: body.reason },
    }));
  }
}
