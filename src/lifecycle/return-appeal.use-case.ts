import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { ReasonBody } from './lifecycle.dto';

/**
 * The agency gives the case back ("not our competence"): it leaves the agency's list and waits
 * for the branch to route it again. The event keeps which agency returned it.
 */
@Injectable()
export class ReturnAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: ReasonBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'return', body.expectedVersion, () => ({
      changes: { agencyId: null },
      event: { reason: body.reason },
    }));
  }
}
