import { Injectable } from '@nestjs/common';
import { Appeal } from '../appeals/appeal.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { ApplyTransition } from './apply-transition';
import { latestExtendedDueDate, openDeadlineState } from './deadline-rules';
import { ExtendAppealDto } from './lifecycle.dto';

/** A reasoned extension by the branch: a later working day, within two months of receipt. */
@Injectable()
export class ExtendAppeal {
  constructor(
    private readonly transitions: ApplyTransition,
    private readonly calendar: CalendarService,
  ) {}

  execute(principal: Principal, id: string, body: ExtendAppealDto): Promise<Appeal> {
    return this.transitions.run(principal, id, 'extend', body.expectedVersion, async ({ appeal, today }) => {
      if (body.dueDate <= appeal.dueDate) throw AppError.validation('dueDate', `must be later than the current due date ${appeal.dueDate}`);
      const limit = latestExtendedDueDate(appeal.receivedOn);
      if (body.dueDate > limit) throw AppError.validation('dueDate', `must be at most 2 months after the date of receipt, i.e. on or before ${limit}`);
      // A term ends on a working day (API.md "Lifecycle"): a weekend or holiday is no due date.
      if (!(await this.calendar.calendar()).isWorkingDay(body.dueDate)) {
        const message = `must be a working day; ${body.dueDate} is a weekend or holiday`;
        throw new AppError('VALIDATION_FAILED', `dueDate: ${message}`, [{ field: 'dueDate', message, code: 'not_working_day' }]);
      }
      return {
        changes: { dueDate: body.dueDate, dueDateExtended: true, deadlineState: openDeadlineState(body.dueDate, today) },
        event: { previousDueDate: appeal.dueDate, dueDate: body.dueDate, reason: body.reason },
        notification: { kind: 'extended', dueDate: body.dueDate, reason: body.reason },
      };
    });
  }
}
