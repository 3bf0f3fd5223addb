import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { TransitionBody } from './lifecycle.dto';

/** The branch has checked the agency's answer and closes the case. */
@Injectable()
export class CloseAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: TransitionBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'close', body.expectedVersion, ({ appeal, at }) => ({
      changes: { closedAt: at },
      event: { outcome: appeal.outcome },
    }));
  }
}
