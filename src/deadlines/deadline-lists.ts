import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Appeal } from '../appeals/appeal.entity';
import { ScopedAppeals } from '../appeals/scoped-appeals';
import { CalendarService } from '../calendar/calendar.service';
import { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/pagination/page';
import { Environment } from '../config/environment';
import { CLOCK_ON_STATUSES, CLOCK_RUNNING_STATUSES } from './deadline-plan';
import { DeadlineCasePage, DeadlineStatsView } from './deadlines.dto';

/**
 * What a controller watches: the cases past their due date and those coming due, in the
 * caller's scope. "Overdue" is read from the dates (open with a running clock, due before
 * today), so the list is right even while the worker catches up on `deadlineState`.
 */
@Injectable()
export class DeadlineLists {
  constructor(
    private readonly appeals: ScopedAppeals,
    private readonly calendar: CalendarService,
    private readonly env: Environment,
  ) {}

  overdue(principal: Principal, page: PageQuery): Promise<DeadlineCasePage> {
    const today = this.today();
    return this.page(principal, page, 'a.due_date < :today', { today });
  }

  async upcoming(principal: Principal, page: PageQuery, workdays: number): Promise<DeadlineCasePage> {
    const today = this.today();
    const until = await this.calendar.addWorkingDays(today, workdays);
    return this.page(principal, page, 'a.due_date BETWEEN :today AND :until', { today, until });
  }

  async stats(principal: Principal): Promise<DeadlineStatsView> {
    const rows: { state: string; count: number }[] = await this.appeals
      .query(principal)
      .select(`CASE WHEN a.status = 'paused' THEN 'paused' WHEN a.due_date < :today THEN 'overdue' ELSE a.deadline_state END`, 'state')
      .addSelect('count(*)::int', 'count')
      .andWhere('a.status IN (:...open)', { open: CLOCK_ON_STATUSES, today: this.today() })
      .groupBy('1')
      .getRawMany();
    const count = (state: string) => rows.find((r) => r.state === state)?.count ?? 0;
    return { onTrack: count('on_track'), dueSoon: count('due_soon'), overdue: count('overdue'), paused: count('paused') };
  }

  private async page(principal: Principal, page: PageQuery, dueCondition: string, params: Record<string, string>): Promise<DeadlineCasePage> {
    const [items, total] = await this.appeals
      .query(principal)
      .andWhere('a.status IN (:...running)', { running: CLOCK_RUNNING_STATUSES })
      .andWhere(dueCondition, params)
      .orderBy('a.due_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
    const calendar = await this.calendar.calendar();
    const today = this.today();
    return {
      items: items.map((a: Appeal) => ({
        id: a.id,
        number: a.number,
        status: a.status,
        type: a.type,
        categoryId: a.categoryId,
        branchId: a.branchId,
        agencyId: a.agencyId,
        receivedAt: a.receivedAt.toISOString(),
        dueDate: a.dueDate,
        deadlineState: a.deadlineState,
        workdaysLeft: calendar.workingDaysBetween(today, a.dueDate),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  private today(): string {
    return DateTime.now().setZone(this.env.APP_TIMEZONE).toISODate()!;
  }
}
