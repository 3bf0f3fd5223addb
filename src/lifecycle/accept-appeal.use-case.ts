import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { ApplyTransition } from './apply-transition';
import { TransitionBody } from './lifecycle.dto';

/** The assigned agency takes the case on. */
@Injectable()
export class AcceptAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: TransitionBody): Promise<Appeal> {
    return this.transitions.run(principal, id, 'accept', body.expectedVersion, () => ({}));
  }
}
