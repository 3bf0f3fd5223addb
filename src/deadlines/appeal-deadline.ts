import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES } from '../appeals/appeal.enums';
import { ScopedAppeals } from '../appeals/scoped-appeals';
import { CalendarService } from '../calendar/calendar.service';
import { addCalendarDays, isoWeekday } from '../calendar/working-calendar';
import { Principal } from '../common/auth/principal';
import { Environment } from '../config/environment';
import { loadDeadlineCases } from './deadline-cases';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlinePolicies } from './deadline-policies.service';
import { AppealDeadlineView, DeadlineHistoryView, SkippedDayView } from './deadlines.dto';

/** The events that change or concern a case's deadline, and the data worth showing of each. */
const DEADLINE_EVENTS = [
  'registered', 'routed', 'returned', 'paused', 'resumed', 'extended', 'answered', 'reopened', 'closed', 'withdrawn',
  'due_soon', 'overdue', 'escalated', 'forwarding_overdue', 'due_date_recomputed',
];
const DEADLINE_FIELDS = [
  'from', 'to', 'dueDate', 'previousDueDate', 'deadlineStart', 'termWorkdays', 'reason', 'pausedOn', 'workdaysPaused',
  'agencyId', 'fromAgencyId', 'deadlineState', 'step', 'calendarDay', 'notifiedBranchId', 'notifiedAgencyId',
];

/** `GET /appeals/{id}/deadline`: the due date, how it was computed, its history and what is scheduled. */
@Injectable()
export class AppealDeadline {
  constructor(
    private readonly ds: DataSource,
    private readonly appeals: ScopedAppeals,
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
    private readonly planner: DeadlinePlanner,
    private readonly env: Environment,
  ) {}

  async explain(principal: Principal, id: string): Promise<AppealDeadlineView> {
    const appeal = await this.appeals.get(principal, id);
    const calendar = await this.calendar.calendar();
    const policy = await this.policies.forType(appeal.type);
    const computedDueDate = calendar.addWorkingDays(appeal.deadlineStart, appeal.deadlineTermWorkdays + appeal.pausedWorkdays);
    const today = DateTime.now().setZone(this.env.APP_TIMEZONE).toISODate()!;
    const stillOpen = OPEN_STATUSES.includes(appeal.status) && appeal.status !== 'answered';

    const [cases, events, named] = await Promise.all([
      loadDeadlineCases(this.ds.manager, [id]),
      this.ds.query(
        `SELECT type, at, data FROM appeal_events WHERE appeal_id = $1 AND type = ANY($2) ORDER BY seq`,
        [id, DEADLINE_EVENTS],
      ) as Promise<{ type: string; at: Date; data: Record<string, unknown> }[]>,
      this.ds.query(`SELECT day, name FROM calendar_days WHERE day > $1 AND day <= $2 AND kind = 'holiday'`, [
        appeal.deadlineStart,
        computedDueDate,
      ]) as Promise<{ day: string; name: string | null }[]>,
    ]);
    const holidayNames = new Map(named.map((d) => [d.day, d.name]));
    const planned = (await this.planner.plan(cases)).get(id) ?? [];

    return {
      appealId: appeal.id,
      number: appeal.number,
      status: appeal.status,
      receivedOn: appeal.receivedOn,
      dueDate: appeal.dueDate,
      deadlineState: appeal.deadlineState,
      workdaysLeft: stillOpen ? calendar.workingDaysBetween(today, appeal.dueDate) : null,
      policy: { ...policy, updatedAt: policy.updatedAt.toISOString() },
      basis: {
        startDate: appeal.deadlineStart,
        termWorkdays: appeal.deadlineTermWorkdays,
        pausedWorkdays: appeal.pausedWorkdays,
        extended: appeal.dueDateExtended,
        computedDueDate,
        daysSkipped: skippedDays(appeal.deadlineStart, computedDueDate, (d) => calendar.isWorkingDay(d), holidayNames),
      },
      history: events.map(toHistory),
      scheduled: planned
        .filter((j) => j.runAt.getTime() > Date.now())
        .map((j) => ({ kind: j.data.kind, ...(j.data.step && { step: j.data.step }), runAt: j.runAt.toISOString() })),
    };
  }
}

/** The non-working days in (from, to]: weekends and holidays the term stepped over. */
function skippedDays(from: string, to: string, isWorking: (d: string) => boolean, holidayNames: Map<string, string | null>): SkippedDayView[] {
  const days: SkippedDayView[] = [];
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorking(d)) continue;
    const holiday = holidayNames.has(d);
    days.push({ date: d, reason: holiday || isoWeekday(d) < 6 ? 'holiday' : 'weekend', name: holidayNames.get(d) ?? null });
  }
  return days;
}

function toHistory(e: { type: string; at: Date; data: Record<string, unknown> }): DeadlineHistoryView {
  const data = Object.fromEntries(Object.entries(e.data).filter(([k, v]) => DEADLINE_FIELDS.includes(k) && v !== undefined));
  return { at: e.at.toISOString(), type: e.type, data };
}
