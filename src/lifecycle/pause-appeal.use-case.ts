import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { PauseAppealDto } from './lifecycle.dto';

/** The agency asks the citizen for a clarification: the clock stops until the case is resumed. */
@Injectable()
export class PauseAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: PauseAppealDto): Promise<Appeal> {
    return this.transitions.run(principal, id, 'pause', body.expectedVersion, ({ at }) => ({
      changes: { pausedAt: at },
      event: { reason: body.reason },
      notification: { kind: 'paused', reason: body.reason },
    }));
  }
}
