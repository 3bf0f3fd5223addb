import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { ApplyTransition } from './apply-transition';
import { RouteAppealDto } from './lifecycle.dto';

/**
 * Sends the case to an agency, or transfers it to another one. The citizen's clock keeps
 * running (DOMAIN.md: a transfer does not restart it). Sending it to the agency it already has
 * is refused: it would change nothing but tell the citizen it was forwarded.
 */
@Injectable()
export class RouteAppeal {
  constructor(private readonly transitions: ApplyTransition) {}

  execute(principal: Principal, id: string, body: RouteAppealDto): Promise<Appeal> {
    return this.transitions.run(principal, id, 'route', body.expectedVersion, async ({ appeal, manager }) => {
      const [agency] = await manager.query(`SELECT id FROM agencies WHERE id = $1`, [body.agencyId]);
      if (!agency) throw AppError.validation('agencyId', 'agency does not exist');
      if (appeal.agencyId === body.agencyId) {
        throw new AppError('INVALID_TRANSITION', 'The appeal is already assigned to this agency', [{ field: 'agencyId', message: 'is the current agency' }]);
      }
      return {
        changes: { agencyId: body.agencyId },
        event: { agencyId: body.agencyId, fromAgencyId: appeal.agencyId, reason: body.reason },
        notification: { kind: 'routed', agencyId: body.agencyId, fromAgencyId: appeal.agencyId },
      };
    });
  }
}
