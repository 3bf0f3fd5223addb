import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { Environment } from '../config/environment';
import { DeadlineCase } from './deadline-cases';
import { planDeadlineJobs, PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePolicies } from './deadline-policies.service';

/** {@link planDeadlineJobs} with the current calendar, policies and zone. */
@Injectable()
export class DeadlinePlanner {
  constructor(
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
    private readonly env: Environment,
  ) {}

  async plan(cases: DeadlineCase[]): Promise<Map<string, PlannedDeadlineJob[]>> {
    const calendar = await this.calendar.calendar();
    const planned = new Map<string, PlannedDeadlineJob[]>();
    for (const c of cases) {
      planned.set(c.id, planDeadlineJobs(c, await this.policies.forType(c.type), calendar, this.env.APP_TIMEZONE, c.done));
    }
    return planned;
  }
}
