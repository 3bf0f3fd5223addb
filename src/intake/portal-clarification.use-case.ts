import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { AppError } from '../common/errors/app-error';
import { writeStaffNotices } from '../deadlines/staff-notice-writer';
import { findPortalCase } from './portal-case';
import { PortalClarificationInput, PortalClarificationReceipt } from './portal.dto';

/**
 * The citizen answers the agency's clarification request from the portal. The case stays paused:
 * the agency reads the answer (event `clarification_received`, and a notice in its inbox) and
 * resumes the case itself. Only a paused case waits for a clarification.
 */
@Injectable()
export class SubmitClarification {
  constructor(private readonly ds: DataSource) {}

  execute(number: string, trackingCode: string, input: PortalClarificationInput): Promise<PortalClarificationReceipt> {
    return this.ds.transaction(async (m) => {
      const appeal = await findPortalCase(m, number, trackingCode, true);
      if (appeal.status !== 'paused') {
        throw new AppError('INVALID_TRANSITION', `The appeal is ${appeal.status}: no clarification was requested`);
      }
      const at = new Date();
      await writeEvents(m, [{ appealId: appeal.id, type: 'clarification_received', actorId: null, at, data: { text: input.text } }]);
      await writeStaffNotices(m, [
        {
          effectKey: `clarification.${appeal.id}.${randomUUID()}`,
          kind: 'clarification_received',
          appealId: appeal.id,
          branchId: null,
          agencyId: appeal.agencyId,
          data: {},
        },
      ]);
      return { number: appeal.number, status: appeal.status, receivedAt: at.toISOString() };
    });
  }
}
