import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { AppError } from '../common/errors/app-error';
import { findPortalCase } from './portal-case';
import { PortalFeedbackInput, PortalFeedbackReceipt } from './portal.dto';

/**
 * The citizen says whether the answer satisfied them: once per case, after it was answered. The
 * feedback has its own table; a trigger mirrors it into the appeal so the report cubes count it
 * (migrations/1763700000013-web-interface.ts).
 */
@Injectable()
export class SubmitFeedback {
  constructor(private readonly ds: DataSource) {}

  execute(number: string, trackingCode: string, input: PortalFeedbackInput): Promise<PortalFeedbackReceipt> {
    return this.ds.transaction(async (m) => {
      const appeal = await findPortalCase(m, number, trackingCode, true);
      if (appeal.status !== 'answered' && appeal.status !== 'closed') {
        throw new AppError('INVALID_TRANSITION', `The appeal is ${appeal.status}: feedback is possible once it is answered`);
      }
      const [saved]: { created_at: Date }[] = await m.query(
        `INSERT INTO appeal_feedback (appeal_id, satisfied, comment) VALUES ($1, $2, $3)
         ON CONFLICT (appeal_id) DO NOTHING RETURNING created_at`,
        [appeal.id, input.satisfied, input.comment ?? null],
      );
      if (!saved) throw new AppError('DUPLICATE', 'Feedback on this appeal was already given', [{ field: 'number', message: 'feedback already given', code: 'feedback.already_given' }]);
      await writeEvents(m, [{ appealId: appeal.id, type: 'feedback_received', actorId: null, at: saved.created_at, data: { satisfied: input.satisfied } }]);
      return { number: appeal.number, satisfied: input.satisfied, receivedAt: saved.created_at.toISOString() };
    });
  }
}
