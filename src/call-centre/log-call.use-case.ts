import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAppealView } from '../appeals/appeal.view';
import { ScopedAppeals } from '../appeals/scoped-appeals';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { newAppealFromStaff, receivedAtFrom } from '../intake/intake.mapper';
import { RegisterAppeal } from '../intake/register-appeal.use-case';
import { Call } from './call.entity';
import { CallInput, CallView } from './call.dto';

/** Logs a call; a call that ends in an appeal is saved with it in one transaction. */
@Injectable()
export class LogCall {
  constructor(
    private readonly ds: DataSource,
    private readonly registerAppeal: RegisterAppeal,
    private readonly appeals: ScopedAppeals,
  ) {}

  async execute(principal: Principal, input: CallInput): Promise<CallView> {
    const startedAt = receivedAtFrom(input.startedAt, new Date(), 'startedAt');
    const endedAt = input.endedAt ? new Date(input.endedAt) : null;
    if (endedAt && endedAt < startedAt) throw AppError.validation('endedAt', 'must not be before startedAt', 'range.end_before_start', { start: 'startedAt' });
    if (input.result !== 'appeal' && input.appeal) throw AppError.validation('appeal', 'is only allowed when result is "appeal"', 'not_allowed');
    if (input.result === 'status_inquiry' && !input.appealNumber) throw AppError.validation('appealNumber', 'is required for a status inquiry', 'required');

    return this.ds.transaction(async (m) => {
      const call = await m.save(
        m.create(Call, {
          branchId: principal.branchId,
          operatorId: principal.userId,
          callerPhone: input.callerPhone,
          startedAt,
          endedAt,
          result: input.result,
          notes: input.notes ?? null,
          appealNumber: input.appealNumber ?? null,
        }),
      );
      const view: CallView = {
        id: call.id,
        result: call.result,
        callerPhone: call.callerPhone,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt?.toISOString() ?? null,
        appealNumber: call.appealNumber,
      };
      if (input.result === 'appeal' && input.appeal) {
        const newAppeal = newAppealFromStaff(input.appeal, 'call_centre', principal, {
          receivedAt: startedAt,
          fieldPrefix: 'appeal.',
          callId: call.id,
        });
        const appeal = await this.registerAppeal.execute(newAppeal, m);
        await m.update(Call, { id: call.id }, { appealNumber: appeal.number });
        return { ...view, appealNumber: appeal.number, appeal: toAppealView(appeal) };
      }
      if (input.result === 'status_inquiry' && input.appealNumber) {
        const asked = await this.appeals.query(principal, m).andWhere('a.number = :number', { number: input.appealNumber }).getOne();
        return { ...view, inquiry: asked ? { number: asked.number, status: asked.status, dueDate: asked.dueDate } : null };
      }
      return view;
    });
  }
}
