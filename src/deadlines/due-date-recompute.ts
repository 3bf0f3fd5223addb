import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { writeEvents } from '../appeals/event-writer';
import { CalendarService } from '../calendar/calendar.service';
import { addCalendarDays, WorkingCalendar } from '../calendar/working-calendar';
import { Environment } from '../config/environment';
import { openDeadlineState } from '../lifecycle/deadline-rules';
import { IdRange, idRanges, lockCasesInReachAfter } from './deadline-cases';
import { PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlineScheduler } from './deadline-scheduler';
import { requestResyncOfChangedPlans } from './resync-requests';
import { lockDeadlineSchedules } from './schedule-locks';

const PAGE = 1000;
/**
 * Pages walked at once, each over its own share of the ids: a page is a chain of round trips
 * (lock, move, plan, ask), so one walker leaves Postgres and this process waiting on each other.
 */
const WALKERS = 2;
/** Escalations run up to this long after a due date; a calendar change inside it moves them. */
const ESCALATION_HORIZON_DAYS = 120;

/**
 * A calendar day was edited (a holiday declared, a working Saturday added): every open case
 * whose term runs over that day gets its due date computed again from its start day, term and
 * paused days (cases whose date a controller set by extension keep it), with a history event.
 * Every running case in reach (lockCasesInReachAfter: those whose queued moment can lie after the
 * day) is planned again with the new calendar, and only those whose queued job differs from the schedule
 * recorded in Postgres get it replaced, in the page's own transaction ({@link DueDateRecompute.resync}).
 * Two walkers share the ids.
 */
@Injectable()
export class DueDateRecompute {
  private readonly logger = new Logger(DueDateRecompute.name);

  constructor(
    private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly env: Environment,
    private readonly planner: DeadlinePlanner,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  async run(changedDay: string): Promise<{ moved: number; resynced: number }> {
    this.calendar.forget();
    const day: ChangedDay = {
      date: changedDay,
      calendar: await this.calendar.calendar(),
      today: DateTime.now().setZone(this.env.APP_TIMEZONE).toISODate()!,
      horizon: addCalendarDays(changedDay, -ESCALATION_HORIZON_DAYS),
    };
    // Settled, not all: a failed walk fails the job only once the other one has stopped too, so its retry walks alone.
    const settled = await Promise.allSettled(idRanges(WALKERS).map((range) => this.walk(day, range)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const walks = settled.map((s) => (s as PromiseFulfilledResult<{ moved: number; resynced: number }>).value);
    return { moved: walks.reduce((n, w) => n + w.moved, 0), resynced: walks.reduce((n, w) => n + w.resynced, 0) };
  }

  /** Every case in reach whose id lies in `range`, page by page, each page in a transaction of its own. */
  private async walk(day: ChangedDay, range: IdRange): Promise<{ moved: number; resynced: number }> {
    let moved = 0;
    let resynced = 0;
    for (let after = range.after; ; ) {
      const page = await this.ds.transaction(async (m) => {
        const rows = await lockCasesInReachAfter(m, after, range.upTo, day.date, day.horizon, PAGE);
        // The cases this moves are the ones termRunsOverDaySql (calendar-impact.sql.ts) counts; the
        // page is wider (overdue cases due since the horizon, extended ones) because their jobs may move too.
        const changes = rows.flatMap((r) => {
          if (r.extended || r.dueDate < day.date) return [];
          const dueDate = day.calendar.addWorkingDays(r.deadlineStart, r.term + r.paused);
          return dueDate === r.dueDate ? [] : [{ ...r, previousDueDate: r.dueDate, dueDate, deadlineState: openDeadlineState(dueDate, day.today) }];
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
              data: { calendarDay: day.date, previousDueDate: c.previousDueDate, dueDate: c.dueDate },
            })),
          );
        }
        // Planned as the rows now stand (they stay locked until the commit): the moved due dates replace the read ones.
        const changed = new Map(changes.map((c) => [c.id, c]));
        const running = rows.filter((r) => r.status !== 'paused').map((r) => changed.get(r.id) ?? r);
        resynced += await this.resync(m, await this.planner.queued(running), new Set(changed.keys()));
        moved += changes.length;
        return rows;
      });
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    return { moved, resynced };
  }

  /**
   * Replaces the queued jobs of a page's running cases that the new calendar moved, in the page's
   * transaction: its rows are locked, so they were planned from their newest state, and the cases'
   * schedule locks are taken as a sync takes them (schedule-locks.ts). This is the sync's own work
   * without its detour (outbox row, relay, sync job, reading and planning the cases again). With
   * Redis away or its replicas behind, the page asks the outbox for resyncs instead
   * (resync-requests.ts), and the due dates still move. Returns how many cases were resynced or asked.
   */
  private async resync(m: EntityManager, planned: Map<string, PlannedDeadlineJob[]>, dueDateMoved: ReadonlySet<string>): Promise<number> {
    if (!planned.size) return 0;
    const ids = [...planned.keys()].sort();
    await m.query(`SAVEPOINT recompute_sync`);
    try {
      await lockDeadlineSchedules(m, ids);
      const { changed } = await this.scheduler.syncPlanned(m, ids, planned);
      await m.query(`RELEASE SAVEPOINT recompute_sync`);
      return changed;
    } catch (err) {
      await m.query(`ROLLBACK TO SAVEPOINT recompute_sync`);
      this.logger.warn(`calendar recompute: jobs of ${ids.length} cases left to their resync (${(err as Error).message})`);
      return requestResyncOfChangedPlans(m, planned, dueDateMoved);
    }
  }
}

interface ChangedDay {
  date: string;
  calendar: WorkingCalendar;
  today: string;
  /** Cases due before this are out of reach (ESCALATION_HORIZON_DAYS). */
  horizon: string;
}
