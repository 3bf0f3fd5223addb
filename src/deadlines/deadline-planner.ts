import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { Environment } from '../config/environment';
import { DeadlineCase } from './deadline-cases';
import { DeadlineMoment, nextDeadlineJob, planDeadlineMoments, PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePolicies } from './deadline-policies.service';

/** {@link planDeadlineMoments} with the current calendar, policies and zone. */
@Injectable()
export class DeadlinePlanner {
  constructor(
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
    private readonly env: Environment,
  ) {}

  /** Every moment still ahead of each case (or due and not yet carried out). */
  async plan(cases: DeadlineCase[]): Promise<Map<string, DeadlineMoment[]>> {
    const calendar = await this.calendar.calendar();
    const planned = new Map<string, DeadlineMoment[]>();
    for (const c of cases) {
      planned.set(c.id, planDeadlineMoments(c, await this.policies.forType(c.type), calendar, this.env.APP_TIMEZONE, c.done));
    }
    return planned;
  }

  /** The job each case keeps in the queue: none, or its next moment ({@link nextDeadlineJob}). */
  async queued(cases: DeadlineCase[]): Promise<Map<string, PlannedDeadlineJob[]>> {
    const queued = new Map<string, PlannedDeadlineJob[]>();
    for (const [id, moments] of await this.plan(cases)) {
      const next = nextDeadlineJob(moments);
      queued.set(id, next ? [next] : []);
    }
    return queued;
  }
}
