import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { CalendarService } from '../calendar/calendar.service';
import { addCalendarDays } from '../calendar/working-calendar';
import { Environment } from '../config/environment';
import { openDeadlineState } from '../lifecycle/deadline-rules';
import { FIRST_UUID, lockCasesInReachAfter } from './deadline-cases';
import { DeadlinePlanner } from './deadline-planner';
import { requestResyncOfChangedPlans } from './resync-requests';

const PAGE = 1000;
/** Escalations run up to this long after a due date; a calendar change inside it moves them. */
const ESCALATION_HORIZON_DAYS = 120;

/**
 * A calendar day was edited (a holiday declared, a working Saturday added): every open case
 * whose term runs over that day gets its due date computed again from its start day, term and
 * paused days (cases whose date a controller set by extension keep it), with a history event.
 * Every running case in reach (its due date at most the escalation horizon before the day) is
 * planned again with the new calendar, and only those whose plan differs from the schedule
 * recorded in Postgres get their jobs resynced (resync-requests.ts).
 */
@Injectable()
export class DueDateRecompute {
  constructor(
    private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly env: Environment,
    private readonly planner: DeadlinePlanner,
  ) {}

  async run(changedDay: string): Promise<{ moved: number; resynced: number }> {
    this.calendar.forget();
    const calendar = await this.calendar.calendar();
    const today = DateTime.now().setZone(this.env.APP_TIMEZONE).toISODate()!;
    const horizon = addCalendarDays(changedDay, -ESCALATION_HORIZON_DAYS);
    let moved = 0;
    let resynced = 0;
    for (let after = FIRST_UUID; ; ) {
      const page = await this.ds.transaction(async (m) => {
        const rows = await lockCasesInReachAfter(m, after, changedDay, horizon, PAGE);
        // The cases this moves are the ones termRunsOverDaySql (calendar-impact.sql.ts) counts; the
        // page is wider (due dates since the horizon) because their jobs are resynced too.
        const changes = rows.flatMap((r) => {
          if (r.extended || r.dueDate < changedDay) return [];
          const dueDate = calendar.addWorkingDays(r.deadlineStart, r.term + r.paused);
          return dueDate === r.dueDate ? [] : [{ ...r, previousDueDate: r.dueDate, dueDate, deadlineState: openDeadlineState(dueDate, today) }];
        });
        if (changes.length) {
          await m.query(
            `UPDATE appeals a SET due_date = v.due_date, version = a.version + 1,
                    deadline_state = CASE WHEN a.status = 'paused' THEN a.deadline_state ELSE v.state END
               FROM unnest($1::uuid[], $2::date[], $3::varchar[]) AS v(id, due_date, state)
              WHERE a.id = v.id`,
            [changes.map((c) => c.id), changes.map((c) => c.dueDate), changes.map((c) => c.deadlineState)],
          );
          await writeEvents(
            m,
            changes.map((c) => ({
              appealId: c.id,
              type: 'due_date_recomputed',
              actorId: null,
              data: { calendarDay: changedDay, previousDueDate: c.previousDueDate, dueDate: c.dueDate },
            })),
          );
        }
        // Planned as the rows now stand (they stay locked until the commit): the moved due dates replace the read ones.
        const changed = new Map(changes.map((c) => [c.id, c]));
        const running = rows.filter((r) => r.status !== 'paused').map((r) => changed.get(r.id) ?? r);
        const planned = await this.planner.plan(running);
        resynced += await requestResyncOfChangedPlans(m, planned, new Set(changed.keys()));
        moved += changes.length;
        return rows;
      });
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    return { moved, resynced };
  }
}
