import { INestApplicationContext } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DateTime } from 'luxon';
import request from 'supertest';
import { CalendarService } from '../src/calendar/calendar.service';
import { termDueDate } from '../src/calendar/statutory-term';
import { addCalendarDays } from '../src/calendar/working-calendar';
import { loadDeadlineCases } from '../src/deadlines/deadline-cases';
import { DeadlineEffects } from '../src/deadlines/deadline-effects';
import { deadlineJobData } from '../src/deadlines/deadline-jobs';
import { DeadlineReconciler } from '../src/deadlines/deadline-reconciler';
import { DeadlinePlanner } from '../src/deadlines/deadline-planner';
import { QueueRegistry } from '../src/queue/queue-registry';
import { DeadlineWorker } from '../src/deadlines/deadline.worker';
import { DueDateRecompute } from '../src/deadlines/due-date-recompute';
import { JOBS, QUEUES, RECONCILE_SCHEDULER_ID } from '../src/queue/queue-catalogue';
import { PrivateRedis } from './support/private-redis';
import { startTestApp, TestApp } from './support/test-app';
import { eventually, startTestWorker } from './support/test-worker';
import { appealInput, buildWorld, World } from './support/world';

const ZONE = 'Asia/Almaty';
const today = () => DateTime.now().setZone(ZONE).toISODate()!;
const daysAgo = (n: number) => DateTime.now().minus({ days: n }).toUTC().toISO()!;

/**
 * Deadline jobs end to end: the API and the real worker on a Redis of the suite's own (it is
 * stopped and flushed here), so the shared Redis is never touched.
 */
describe('statutory deadlines through BullMQ', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let w: World;
  let worker: INestApplicationContext;
  let queue: Queue;
  let syncs: Queue;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
    w = await buildWorld(t);
    worker = await startTestWorker(t, { REDIS_URL: redis.url });
    queue = new Queue(QUEUES.deadlines, { connection: { host: '127.0.0.1', port: redis.port }, prefix: t.queuePrefix });
    syncs = new Queue(QUEUES.deadlineSyncs, { connection: { host: '127.0.0.1', port: redis.port }, prefix: t.queuePrefix });
  });
  afterAll(async () => {
    await queue?.close();
    await syncs?.close();
    await worker?.close();
    await t?.close();
    await redis?.stop();
  });

  const register = async (overrides: Record<string, unknown> = {}) => {
    const res = await w.users.operatorAla.post('/appeals', { ...appealInput(w), channel: 'mail', ...overrides });
    expect(res.status).toBe(201);
    return res.body as { id: string; dueDate: string; status: string; receivedAt: string; version: number };
  };
  const appeal = async (id: string) => (await w.admin.get(`/appeals/${id}`)).body;
  const eventTypes = async (id: string): Promise<string[]> => (await w.admin.get(`/appeals/${id}/events`)).body.map((e: { type: string }) => e.type);
  /** The ids of this case's jobs now in Redis, by kind. */
  const jobsInRedis = async (id: string): Promise<{ kind: string; on: string; id: string }[]> => {
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'prioritized']);
    return jobs
      .filter((j) => j?.name === JOBS.deadlineFired)
      .map((j) => ({ ...deadlineJobData(j.data), id: j.id! }))
      .filter((j) => j.appealId === id)
      .map((j) => ({ kind: j.kind, on: j.on, id: j.id }));
  };
  /** The case's one queued job (its next moment: the reminder or the due moment) about this due date. */
  const jobAbout = async (id: string, dueDate: string) => (await jobsInRedis(id)).find((j) => j.on === dueDate);
  const calendar = () => t.app.get(CalendarService).calendar();

  describe('jobs follow the case', () => {
    it('a case received long ago is marked overdue by the worker within seconds, and escalations follow', async () => {
      const a = await register({ receivedAt: daysAgo(60) });
      expect(a.status).toBe('routed');
      expect(a.dueDate < today()).toBe(true);

      await eventually(async () => (await appeal(a.id)).deadlineState === 'overdue', 15_000);
      const types = await eventually(async () => {
        const all = await eventTypes(a.id);
        return all.filter((x) => x === 'escalated').length === 2 && all;
      }, 15_000);
      expect(types).toContain('overdue');
      expect(types).not.toContain('forwarding_overdue'); // it was routed at once

      // The branch's controller learns of it; the first escalation goes to the regional branch, the second to the centre.
      const inbox = await w.users.controllerAla.get('/staff-notifications');
      const mine = inbox.body.items.filter((n: { appealId: string }) => n.appealId === a.id);
      expect(mine.map((n: { kind: string }) => n.kind).sort()).toEqual(['escalation', 'overdue']);
      expect(mine.find((n: { kind: string }) => n.kind === 'escalation').branchId).toBe(w.branches.ala);
      const central = await w.admin.get('/staff-notifications');
      expect(central.body.items.find((n: { appealId: string; data: { step?: number } }) => n.appealId === a.id && n.data.step === 2).branchId).toBe(w.branches.kz);
      // The agency sees the overdue notice on its case (and, older, that the case was routed to it),
      // not the escalations addressed to branches.
      const agency = await w.users.officerAlaAkimat.get('/staff-notifications');
      expect(agency.body.items.filter((n: { appealId: string }) => n.appealId === a.id).map((n: { kind: string }) => n.kind)).toEqual(['overdue', 'routed']);

      const overdue = await w.users.controllerAla.get('/deadlines/overdue?pageSize=200');
      expect(overdue.status).toBe(200);
      const row = overdue.body.items.find((x: { id: string }) => x.id === a.id);
      expect(row).toMatchObject({ deadlineState: 'overdue', dueDate: a.dueDate });
      expect(row.workdaysLeft).toBeLessThan(0);
      expect(row).not.toHaveProperty('applicant');
      const elsewhere = await w.users.controllerAst.get('/deadlines/overdue?pageSize=200');
      expect(elsewhere.body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    });

    it('a case nobody forwarded within 3 working days alerts its branch', async () => {
      const a = await register({ categoryId: w.categories.other, receivedAt: daysAgo(10) });
      expect(a.status).toBe('registered');
      await eventually(async () => (await eventTypes(a.id)).includes('forwarding_overdue'), 15_000);
      const inbox = await w.users.controllerAla.get('/staff-notifications?unread=true');
      const notice = inbox.body.items.find((n: { appealId: string; kind: string }) => n.appealId === a.id && n.kind === 'forwarding_overdue');
      expect(notice).toMatchObject({ branchId: w.branches.alaBos, readAt: null });

      const read = await w.users.controllerAla.post(`/staff-notifications/${notice.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const unread = await w.users.controllerAla.get('/staff-notifications?unread=true');
      expect(unread.body.items.map((n: { id: number }) => n.id)).not.toContain(notice.id);
      // Another region's controller cannot see or touch it.
      expect((await w.users.controllerAst.post(`/staff-notifications/${notice.id}/read`)).status).toBe(404);
    });

    it('an extension moves the job: the old one is gone from Redis, the new one is there', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const later = (await w.admin.get(`/calendar/due-date?from=${a.dueDate}&workdays=5`)).body.dueDate;

      const res = await w.users.controllerAla.post(`/appeals/${a.id}/extend`, { dueDate: later, reason: 'Запрошены сведения у другого органа' });
      expect(res.status).toBe(200);
      await eventually(async () => !(await jobAbout(a.id, a.dueDate)) && (await jobAbout(a.id, later)));
      expect((await jobsInRedis(a.id)).every((j) => j.on === later)).toBe(true);
      // Each pending job is one compact hash in Redis (every value under 64 bytes: deadline-jobs.ts).
      const client = redis.client();
      for (const j of await jobsInRedis(a.id)) expect(await client.object('ENCODING', queue.toKey(j.id))).toBe('listpack');
      client.disconnect();

      const explained = await w.users.controllerAla.get(`/appeals/${a.id}/deadline`);
      expect(explained.status).toBe(200);
      expect(explained.body).toMatchObject({ dueDate: later, deadlineState: 'on_track', basis: { extended: true, termWorkdays: 15 } });
      expect(explained.body.history.map((h: { type: string }) => h.type)).toEqual(['registered', 'routed', 'extended']);
      expect(explained.body.history[2].data).toMatchObject({ previousDueDate: a.dueDate, dueDate: later });
      expect(explained.body.scheduled.map((s: { kind: string }) => s.kind)).toEqual(['reminder', 'due', 'escalation', 'escalation']);
    });

    it('a case keeps one job, its next moment; once that has come, the next one is queued', async () => {
      const cal = await calendar();
      const [{ lead }] = await t.db.query(`SELECT reminder_lead_workdays AS lead FROM deadline_policies WHERE appeal_type = 'complaint'`);
      expect(lead).toBeGreaterThan(0);
      // Received so that the reminder's day is past and the due date still ahead.
      let receivedOn = today();
      while (!(termDueDate(cal, receivedOn, 15) > today() && cal.subtractWorkingDays(termDueDate(cal, receivedOn, 15), lead) < today())) {
        receivedOn = addCalendarDays(receivedOn, -1);
      }
      const a = await register({ type: 'complaint', receivedAt: `${receivedOn}T10:00:00+05:00` });
      expect(a.dueDate).toBe(termDueDate(cal, receivedOn, 15));
      // The reminder ran at once (its time had come); the job now queued is the due moment.
      await eventually(async () => (await appeal(a.id)).deadlineState === 'due_soon', 15_000);
      await eventually(async () => JSON.stringify((await jobsInRedis(a.id)).map((j) => j.kind)) === '["due"]', 15_000);
      expect(await eventTypes(a.id)).toContain('due_soon');

      // A fresh case holds one job too: its reminder.
      const b = await register();
      await eventually(async () => (await jobsInRedis(b.id)).length === 1);
      expect((await jobsInRedis(b.id))[0]).toMatchObject({ kind: 'reminder', on: b.dueDate });
    });

    it('a pause stops the clock (no jobs), a resume moves the due date by the working days paused', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const officer = w.users.officerAlaAkimat;
      expect((await officer.post(`/appeals/${a.id}/accept`, {})).status).toBe(200);
      expect((await officer.post(`/appeals/${a.id}/pause`, { reason: 'Нужна копия договора' })).status).toBe(200);
      await eventually(async () => (await jobsInRedis(a.id)).length === 0);

      // The citizen answered a week later.
      await t.db.query(`UPDATE appeals SET paused_at = now() - interval '7 days' WHERE id = $1`, [a.id]);
      const pausedOn = DateTime.now().minus({ days: 7 }).setZone(ZONE).toISODate()!;
      const cal = await calendar();
      const lost = cal.workingDaysBetween(pausedOn, today());
      expect(lost).toBeGreaterThanOrEqual(4);

      const res = await officer.post(`/appeals/${a.id}/resume`, {});
      expect(res.status).toBe(200);
      const moved = cal.addWorkingDays(a.dueDate, lost);
      expect(res.body.dueDate).toBe(moved);
      await eventually(() => jobAbout(a.id, moved));

      const explained = (await officer.get(`/appeals/${a.id}/deadline`)).body;
      expect(explained.basis).toMatchObject({ pausedWorkdays: lost, computedDueDate: moved, extended: false });
      expect(explained.history.find((h: { type: string }) => h.type === 'resumed').data).toMatchObject({ workdaysPaused: lost, previousDueDate: a.dueDate, dueDate: moved });
    });

    it('answering or withdrawing removes the jobs; a stale job does nothing', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const officer = w.users.officerAlaAkimat;
      await officer.post(`/appeals/${a.id}/accept`, {});
      const answered = await officer.post(`/appeals/${a.id}/answer`, { outcome: 'positive', text: 'Крыша отремонтирована' });
      expect(answered.body.deadlineState).toBe('met');
      await eventually(async () => (await jobsInRedis(a.id)).length === 0);

      // The due moment of the old plan, run late anyway, leaves the answered case alone.
      const effects = worker.get(DeadlineEffects);
      expect(await effects.fire({ appealId: a.id, kind: 'due', on: a.dueDate })).toBe('stale');
      expect((await appeal(a.id)).deadlineState).toBe('met');

      const b = await register();
      await eventually(() => jobAbout(b.id, b.dueDate));
      expect((await w.users.operatorAla.post(`/appeals/${b.id}/withdraw`, {})).status).toBe(200);
      await eventually(async () => (await jobsInRedis(b.id)).length === 0);
    });

    it('a job that runs again, or on two workers at once, acts once', async () => {
      const a = await register({ receivedAt: daysAgo(40) });
      await eventually(async () => (await appeal(a.id)).deadlineState === 'overdue', 15_000);
      const effects = worker.get(DeadlineEffects);
      const again = await Promise.all([1, 2, 3].map(() => effects.fire({ appealId: a.id, kind: 'due', on: a.dueDate })));
      expect(again).toEqual(['stale', 'stale', 'stale']);
      expect((await eventTypes(a.id)).filter((x) => x === 'overdue')).toHaveLength(1);
      const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM staff_notifications WHERE appeal_id = $1 AND kind = 'overdue'`, [a.id]);
      expect(n).toBe(1);
    });
  });

  describe('never lost', () => {
    it('with Redis stopped, appeals and lifecycle actions are accepted, and their jobs exist once Redis is back', async () => {
      await redis.stop();
      try {
        const a = await register();
        const b = await register();
        expect((await w.users.officerAlaAkimat.post(`/appeals/${b.id}/accept`, {})).status).toBe(200);
        const pending = await t.db.query(`SELECT count(*) AS n FROM outbox WHERE appeal_id = ANY($1) AND topic = 'deadlines' AND relayed_at IS NULL`, [[a.id, b.id]]);
        expect(pending[0].n).toBe(2);
        expect((await w.anonymous.get('/health')).status).toBe(503);
        await redis.start();
        await eventually(async () => (await jobAbout(a.id, a.dueDate)) && (await jobAbout(b.id, b.dueDate)), 20_000);
      } finally {
        await redis.start().catch(() => undefined);
      }
      await eventually(async () => (await w.anonymous.get('/health')).status === 200);
    });

    it('after FLUSHALL the reconciliation rebuilds every pending job, and its own schedule', async () => {
      await register();
      await register({ categoryId: w.categories.other });
      // Let the relay and the syncs settle so the snapshot is the steady state.
      await eventually(async () => {
        const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM outbox WHERE relayed_at IS NULL`);
        const c = await syncs.getJobCounts('waiting', 'active', 'delayed');
        return n === 0 && c.waiting + c.active + c.delayed === 0;
      });
      await new Promise((r) => setTimeout(r, 500));
      // The restart in the previous test came back empty (no persistence): the jobs of the older cases are gone.
      await worker.get(DeadlineReconciler).reconcile();
      expect(await worker.get(DeadlineReconciler).reconcile({ repair: false })).toMatchObject({ jobsMissing: 0 });
      const before = (await queue.getDelayed(0, -1)).filter((j) => j.name === JOBS.deadlineFired).map((j) => j.id).sort();
      expect(before.length).toBeGreaterThanOrEqual(8);

      const client = redis.client();
      await client.flushall();
      client.disconnect();
      expect(await queue.getDelayed(0, -1)).toHaveLength(0);

      // The worker puts its schedule back (it checks every minute; called here at once), and the
      // schedule's first run is immediate: the scheduled reconciliation rebuilds every job.
      await worker.get(DeadlineWorker).ensureReconciliationSchedule();
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(RECONCILE_SCHEDULER_ID);
      const deadlineJobIds = async () => (await queue.getDelayed(0, -1)).filter((j) => j.name === JOBS.deadlineFired).map((j) => j.id!).sort();
      await eventually(async () => (await deadlineJobIds()).length === before.length, 15_000);
      expect(await deadlineJobIds()).toEqual(before);
      // Ensured again (the minute timer), the schedule keeps its next run: upserting it would reset it.
      const next = (await queue.getJobScheduler(RECONCILE_SCHEDULER_ID))!.next;
      await worker.get(DeadlineWorker).ensureReconciliationSchedule();
      expect((await queue.getJobScheduler(RECONCILE_SCHEDULER_ID))!.next).toBe(next);

      // Nothing is missing any more: a second pass (here an audit, then a repair) finds nothing.
      expect(await worker.get(DeadlineReconciler).reconcile({ repair: false })).toMatchObject({ jobsMissing: 0 });
      expect((await worker.get(DeadlineReconciler).reconcile()).jobsRecreated).toBe(0);
    });

    it('a job that failed for good is queued again by the reconciliation, or its case would wait for ever', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const [queued] = await jobsInRedis(a.id);
      // Its time comes while every attempt fails (a stand-in for the worker whose effects keep failing).
      await worker.close();
      try {
        await (await queue.getJob(queued.id))!.promote();
        const failing = new Worker(
          QUEUES.deadlines,
          async (job) => {
            if (job.id === queued.id) throw new Error('Postgres away');
          },
          { connection: { host: '127.0.0.1', port: redis.port }, prefix: t.queuePrefix },
        );
        await eventually(async () => !!(await (await queue.getJob(queued.id))?.isFailed()));
        await failing.close();
        const audit = await new DeadlineReconciler(t.db, t.app.get(QueueRegistry), t.app.get(DeadlinePlanner, { strict: false })).reconcile({ repair: false });
        expect(audit.jobsMissing).toBeGreaterThanOrEqual(1);
      } finally {
        worker = await startTestWorker(t, { REDIS_URL: redis.url });
      }
      await worker.get(DeadlineReconciler).reconcile();
      expect(await (await queue.getJob(queued.id))!.isDelayed()).toBe(true);
      expect((await worker.get(DeadlineReconciler).reconcile({ repair: false })).jobsMissing).toBe(0);
    });

    it('the reconciliation leaves to the relay a case whose sync still waits in the outbox', async () => {
      // No worker, so no relay: the new case's jobs exist only as a pending outbox row.
      await worker.close();
      let a: Awaited<ReturnType<typeof register>>;
      try {
        a = await register();
        const reconciler = new DeadlineReconciler(t.db, t.app.get(QueueRegistry), t.app.get(DeadlinePlanner, { strict: false }));
        const report = await reconciler.reconcile({ repair: false });
        expect(report.casesSyncPending).toBeGreaterThanOrEqual(1);
        // Counted as missing it would be 4 jobs (reminder, due, two escalations), recreated beside the relay's.
        expect(report.jobsMissing).toBe(0);
        expect(await jobsInRedis(a.id)).toEqual([]);
      } finally {
        worker = await startTestWorker(t, { REDIS_URL: redis.url });
      }
      await eventually(() => jobAbout(a.id, a.dueDate));
    });
  });

  describe('policy and calendar are data', () => {
    it('a policy edit applies to new appeals, and the case shows how its due date was computed', async () => {
      const policy = { decisionWorkdays: 10, forwardingWorkdays: 3, reminderLeadWorkdays: 1, escalationWorkdays: [2], restartOnTransfer: false };
      const put = await w.admin.put('/deadline-policies/proposal', policy);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ appealType: 'proposal', ...policy });
      try {
        const a = await register({ type: 'proposal', receivedAt: '2026-11-27T05:00:00Z' }); // Friday
        expect(a.dueDate).toBe((await calendar()).addWorkingDays('2026-11-27', 10));
        const explained = (await w.users.controllerAla.get(`/appeals/${a.id}/deadline`)).body;
        expect(explained.policy).toMatchObject({ appealType: 'proposal', decisionWorkdays: 10 });
        expect(explained.basis).toMatchObject({ startDate: '2026-11-27', termWorkdays: 10, pausedWorkdays: 0, computedDueDate: a.dueDate });
        // Two weekends stepped over.
        expect(explained.basis.daysSkipped).toEqual([
          { date: '2026-11-28', reason: 'weekend', name: null },
          { date: '2026-11-29', reason: 'weekend', name: null },
          { date: '2026-12-05', reason: 'weekend', name: null },
          { date: '2026-12-06', reason: 'weekend', name: null },
        ]);
        const list = await w.users.analystKz.get('/deadline-policies');
        expect(list.status).toBe(200);
        expect(list.body).toHaveLength(6);
      } finally {
        await w.admin.put('/deadline-policies/proposal', { ...policy, decisionWorkdays: 15, reminderLeadWorkdays: 2, escalationWorkdays: [3, 10] });
      }
    });

    it('a case received on a weekend starts its term on the next working day, from every channel', async () => {
      // API.md: received Saturday 2026-07-11 → day 0 Monday 07-13 → due 2026-08-03.
      const saturday = '2026-07-11T11:00:00+05:00';
      const staff = await register({ receivedAt: saturday });
      const { receivedAt: _r, ...input } = appealInput(w);
      const call = await w.users.operatorAla.post('/call-centre/calls', { callerPhone: '87011234567', startedAt: saturday, result: 'appeal', appeal: input });
      expect(call.status).toBe(201);
      const session = await w.users.receptionAla.post('/receptions', {
        branchId: w.branches.alaAlm, hostName: 'Депутат маслихата', hostType: 'maslikhat_deputy', startsAt: '2026-07-12T10:00:00+05:00', format: 'mobile',
      });
      const { branchId: _b, ...visitInput } = input;
      const visit = await w.users.receptionAla.post(`/receptions/${session.body.id}/visits`, { visitor: { fullName: 'Серик Ахметов' }, result: 'appeal', appeal: visitInput });
      expect(visit.status).toBe(201);

      for (const a of [staff, call.body.appeal, visit.body.appeal]) {
        expect(a.dueDate).toBe('2026-08-03');
        const explained = (await w.admin.get(`/appeals/${a.id}/deadline`)).body;
        expect(explained).toMatchObject({ receivedOn: a.id === visit.body.appeal.id ? '2026-07-12' : '2026-07-11', dueDate: '2026-08-03' });
        expect(explained.basis).toMatchObject({ startDate: '2026-07-13', termWorkdays: 15, computedDueDate: '2026-08-03' });
        expect(explained.history[0]).toMatchObject({ type: 'registered', data: { deadlineStart: '2026-07-13', dueDate: '2026-08-03' } });
      }
      // A case received on the Monday has the same due date; the calculator agrees.
      expect((await register({ receivedAt: '2026-07-13T09:00:00+05:00' })).dueDate).toBe('2026-08-03');
      // The calculator counts N working days after `from` (API.md): from day 0 it agrees; from the
      // Saturday itself the 15th working day after is the Friday before.
      expect((await w.admin.get('/calendar/due-date?from=2026-07-13&workdays=15')).body).toEqual({ dueDate: '2026-08-03' });
      expect((await w.admin.get('/calendar/due-date?from=2026-07-11&workdays=15')).body).toEqual({ dueDate: '2026-07-31' });
    });

    it('a transfer restarts the clock only when the policy says so', async () => {
      const base = { decisionWorkdays: 15, forwardingWorkdays: 3, reminderLeadWorkdays: 2, escalationWorkdays: [3, 10] };
      await w.admin.put('/deadline-policies/request', { ...base, restartOnTransfer: true });
      try {
        const a = await register({ type: 'request', receivedAt: daysAgo(8) });
        const moved = await w.users.controllerAla.post(`/appeals/${a.id}/route`, { agencyId: w.agencies.minConstruction, reason: 'Не компетенция акимата' });
        expect(moved.status).toBe(200);
        expect(moved.body.dueDate).toBe(termDueDate(await calendar(), today(), 15));
        const b = await register({ type: 'complaint', receivedAt: daysAgo(8) });
        const kept = await w.users.controllerAla.post(`/appeals/${b.id}/route`, { agencyId: w.agencies.minConstruction });
        expect(kept.body.dueDate).toBe(b.dueDate);
      } finally {
        await w.admin.put('/deadline-policies/request', { ...base, restartOnTransfer: false });
      }
    });

    it('a holiday declared inside a term moves the due date and the jobs', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const cal = await calendar();
      const holiday = cal.addWorkingDays(today(), 2);
      const put = await w.admin.put(`/calendar/days/${holiday}`, { kind: 'holiday', name: 'Тестовый выходной' });
      expect(put.status).toBe(200);
      try {
        const moved = cal.addWorkingDays(a.dueDate, 1);
        await eventually(async () => (await appeal(a.id)).dueDate === moved, 15_000);
        await eventually(async () => !(await jobAbout(a.id, a.dueDate)) && (await jobAbout(a.id, moved)), 15_000);
        const explained = (await w.admin.get(`/appeals/${a.id}/deadline`)).body;
        expect(explained.history.at(-1)).toMatchObject({ type: 'due_date_recomputed', data: { calendarDay: holiday, previousDueDate: a.dueDate, dueDate: moved } });
        expect(explained.basis.daysSkipped).toContainEqual({ date: holiday, reason: 'holiday', name: 'Тестовый выходной' });
      } finally {
        await w.admin.delete(`/calendar/days/${holiday}`);
      }
      await eventually(async () => (await appeal(a.id)).dueDate === a.dueDate, 15_000);
    });

    it('a holiday after the due date of an overdue case moves its queued escalation, not its due date', async () => {
      const cal = await calendar();
      const escalates = (receivedOn: string, step: number) => cal.addWorkingDays(termDueDate(cal, receivedOn, 15), step);
      // Received so that the first escalation is past and the second a few working days ahead.
      let receivedOn = today();
      while (!(escalates(receivedOn, 3) < today() && escalates(receivedOn, 10) > cal.addWorkingDays(today(), 2))) receivedOn = addCalendarDays(receivedOn, -1);
      const a = await register({ type: 'complaint', receivedAt: `${receivedOn}T10:00:00+05:00` });
      await eventually(async () => JSON.stringify((await jobsInRedis(a.id)).map((j) => j.kind)) === '["escalation"]', 15_000);
      const [before] = await jobsInRedis(a.id);
      expect((await appeal(a.id)).deadlineState).toBe('overdue');

      const holiday = cal.addWorkingDays(today(), 1);
      expect((await w.admin.put(`/calendar/days/${holiday}`, { kind: 'holiday', name: 'Тестовый выходной' })).status).toBe(200);
      try {
        await eventually(async () => (await jobsInRedis(a.id))[0]?.id !== before.id, 15_000);
        expect(await jobsInRedis(a.id)).toEqual([expect.objectContaining({ kind: 'escalation', on: a.dueDate })]);
        expect((await appeal(a.id)).dueDate).toBe(a.dueDate);
      } finally {
        await w.admin.delete(`/calendar/days/${holiday}`);
      }
      await eventually(async () => (await jobsInRedis(a.id))[0]?.id === before.id, 15_000);
    });

    it('an ordinary Tuesday declared a workday is no exception; the Monday before declared a holiday is the day the recompute names', async () => {
      const a = await register();
      const cal = await calendar();
      // An ordinary Monday and Tuesday inside the term (no exception either day).
      let monday = DateTime.fromISO(cal.addWorkingDays(today(), 1));
      while (monday.weekday !== 1 || !cal.isWorkingDay(monday.toISODate()!) || !cal.isWorkingDay(monday.plus({ days: 1 }).toISODate()!)) monday = monday.plus({ days: 1 });
      const [mon, tue] = [monday.toISODate()!, monday.plus({ days: 1 }).toISODate()!];
      expect(tue < a.dueDate).toBe(true);

      // Back to back, so both edits are in the calendar before any recompute runs.
      const [putTue, putMon] = [await w.admin.put(`/calendar/days/${tue}`, { kind: 'workday', name: 'Рабочий вторник' }), await w.admin.put(`/calendar/days/${mon}`, { kind: 'holiday', name: 'Тестовый выходной' })];
      try {
        expect(putTue.status).toBe(200);
        expect(putMon.status).toBe(200);
        // GET /calendar lists the days that differ from the weekday rule: the Monday, not the Tuesday.
        expect((await w.admin.get(`/calendar?from=${mon}&to=${tue}`)).body).toEqual([{ date: mon, kind: 'holiday', name: 'Тестовый выходной' }]);
        const asked = await t.db.query(`SELECT payload->>'date' AS date FROM outbox WHERE topic = 'calendar' AND payload->>'date' IN ($1, $2)`, [mon, tue]);
        expect(asked).toEqual([{ date: mon }]);

        const moved = cal.addWorkingDays(a.dueDate, 1);
        await eventually(async () => (await appeal(a.id)).dueDate === moved, 15_000);
        const recomputed = (await w.admin.get(`/appeals/${a.id}/deadline`)).body.history.filter((h: { type: string }) => h.type === 'due_date_recomputed');
        expect(recomputed).toEqual([expect.objectContaining({ data: { calendarDay: mon, previousDueDate: a.dueDate, dueDate: moved } })]);
      } finally {
        await w.admin.delete(`/calendar/days/${mon}`);
        await w.admin.delete(`/calendar/days/${tue}`);
      }
      await eventually(async () => (await appeal(a.id)).dueDate === a.dueDate, 15_000);
      // Deleting the Tuesday, which was never stored, asks for no recompute either.
      expect(await t.db.query(`SELECT 1 FROM outbox WHERE topic = 'calendar' AND payload->>'date' = $1`, [tue])).toEqual([]);
    });
    it('a calendar change replaces at once only the jobs whose moment moved; with Redis away it asks the outbox instead', async () => {
      const a = await register();
      await eventually(() => jobAbout(a.id, a.dueDate));
      const cal = await calendar();
      const planner = t.app.get(DeadlinePlanner, { strict: false });
      const queuedIds = async () => (await planner.queued(await loadDeadlineCases(t.db.manager, [a.id]))).get(a.id)!.map((j) => j.jobId);
      const idsInRedis = async () => (await jobsInRedis(a.id)).map((j) => j.id);
      const schedule = async () => (await t.db.query(`SELECT job_ids AS "jobIds", resync_requested AS asked FROM deadline_schedules WHERE appeal_id = $1`, [a.id]))[0];
      const before = await queuedIds();
      expect(before).toHaveLength(1);
      await eventually(async () => JSON.stringify(await idsInRedis()) === JSON.stringify(before));
      const resyncsAsked = async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'deadlines' AND appeal_id = $1 AND payload->>'after' = 'calendar'`, [a.id]))[0].n;
      // After the last escalation (10 working days after the due date): nothing of the case moves.
      const afterEverything = cal.addWorkingDays(a.dueDate, 30);
      // Between the two escalations: the second one moves in the plan, but the queued job is the
      // reminder, which stays; the escalation is queued from the new calendar when its turn comes.
      const betweenEscalations = cal.addWorkingDays(a.dueDate, 5);
      // Inside the term: the due date moves, and with it the reminder, the queued job.
      const insideTerm = cal.addWorkingDays(today(), 2);
      const holiday = (day: string) => t.db.query(`INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ($1, 'holiday', 'Тестовый выходной', now())`, [day]);
      // Called here directly (the rows above are written without the outbox row an edit through the API writes).
      const recompute = (day: string) => worker.get(DueDateRecompute).run(day);

      try {
        await holiday(afterEverything);
        await recompute(afterEverything);
        await holiday(betweenEscalations);
        await recompute(betweenEscalations);
        expect(await idsInRedis()).toEqual(before);
        expect((await appeal(a.id)).dueDate).toBe(a.dueDate);

        await holiday(insideTerm);
        await recompute(insideTerm);
        expect((await appeal(a.id)).dueDate).toBe(cal.addWorkingDays(a.dueDate, 1));
        // Replaced by the recompute itself, in the page's transaction: no resync went through the outbox.
        const after = await queuedIds();
        expect(after).not.toEqual(before);
        expect(await idsInRedis()).toEqual(after);
        expect(await schedule()).toEqual({ jobIds: after, asked: false });
        // The second pass a minute later finds the schedule equal to the plan and changes nothing.
        await recompute(insideTerm);
        expect(await idsInRedis()).toEqual(after);
        expect(await resyncsAsked()).toBe(0);

        // With Redis away the holiday is taken back: the due date still moves back, and the job follows through the outbox.
        await redis.stop();
        try {
          expect((await w.admin.delete(`/calendar/days/${insideTerm}`)).status).toBeLessThan(300);
          await recompute(insideTerm);
          expect((await appeal(a.id)).dueDate).toBe(a.dueDate);
          expect(await resyncsAsked()).toBe(1);
          expect((await schedule()).asked).toBe(true);
        } finally {
          await redis.start();
        }
        await eventually(async () => JSON.stringify(await idsInRedis()) === JSON.stringify(before), 20_000);
        await eventually(async () => !(await schedule()).asked, 15_000);
        expect(await schedule()).toEqual({ jobIds: before, asked: false });
      } finally {
        for (const day of [insideTerm, betweenEscalations, afterEverything]) await w.admin.delete(`/calendar/days/${day}`);
      }
      await eventually(async () => (await w.anonymous.get('/health')).status === 200);
    });
  });

  describe('lists, access and bad input', () => {
    it('upcoming lists the cases due within N working days, in scope', async () => {
      const a = await register();
      const res = await w.users.controllerAla.get('/deadlines/upcoming?workdays=15&pageSize=200');
      expect(res.status).toBe(200);
      expect(res.body.items.map((x: { id: string }) => x.id)).toContain(a.id);
      const soon = await w.users.controllerAla.get('/deadlines/upcoming?workdays=1&pageSize=200');
      expect(soon.body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
      const other = await w.users.controllerAst.get('/deadlines/upcoming?workdays=15&pageSize=200');
      expect(other.body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
      const stats = await w.users.controllerAla.get('/deadlines/stats');
      expect(stats.status).toBe(200);
      expect(stats.body.overdue).toBeGreaterThanOrEqual(1);
      expect((await w.users.controllerAst.get('/deadlines/stats')).body).toEqual({ onTrack: 0, dueSoon: 0, overdue: 0, paused: 0 });
    });

    it.each([
      ['/deadlines/upcoming?workdays=abc', 'workdays'],
      ['/deadlines/upcoming?workdays=', 'workdays'],
      ['/deadlines/upcoming?workdays=61', 'workdays'],
      ['/deadlines/overdue?pageSize=500', 'pageSize'],
      ['/staff-notifications?unread=maybe', 'unread'],
      ['/appeals/not-a-uuid/deadline', 'id'],
    ])('GET %s → 400 naming %s', async (path, field) => {
      const res = await w.users.controllerAla.get(path);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it.each([
      [{ decisionWorkdays: 0 }, 'decisionWorkdays'],
      [{ decisionWorkdays: '15' }, 'decisionWorkdays'],
      [{ escalationWorkdays: [10, 3] }, 'escalationWorkdays'],
      [{ escalationWorkdays: [1, 2, 3, 4, 5, 6] }, 'escalationWorkdays'],
      [{ reminderLeadWorkdays: 15 }, 'reminderLeadWorkdays'],
      [{ restartOnTransfer: 'yes' }, 'restartOnTransfer'],
      [{ extra: 1 }, 'extra'],
    ])('PUT /deadline-policies/complaint %j → 400 naming %s', async (change, field) => {
      const body = { decisionWorkdays: 15, forwardingWorkdays: 3, reminderLeadWorkdays: 2, escalationWorkdays: [3, 10], restartOnTransfer: false, ...change };
      const res = await w.admin.put('/deadline-policies/complaint', body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await w.admin.get('/deadline-policies')).body.find((p: { appealType: string }) => p.appealType === 'complaint').decisionWorkdays).toBe(15);
    });

    it('only an admin edits policies; an unknown type is a 400', async () => {
      const body = { decisionWorkdays: 15, forwardingWorkdays: 3, reminderLeadWorkdays: 2, escalationWorkdays: [3, 10], restartOnTransfer: false };
      expect((await w.users.controllerAla.put('/deadline-policies/complaint', body)).status).toBe(403);
      expect((await w.anonymous.put('/deadline-policies/complaint', body)).status).toBe(401);
      const unknown = await w.admin.put('/deadline-policies/petition', body);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('type');
    });

    it('a deadline is scoped like its case; analysts see no cases', async () => {
      const a = await register();
      expect((await w.users.controllerAst.get(`/appeals/${a.id}/deadline`)).status).toBe(404);
      expect((await w.users.officerMinHealth.get(`/appeals/${a.id}/deadline`)).status).toBe(404);
      expect((await w.users.officerAlaAkimat.get(`/appeals/${a.id}/deadline`)).status).toBe(200);
      expect((await w.users.analystKz.get(`/appeals/${a.id}/deadline`)).status).toBe(403);
      expect((await w.users.analystKz.get('/deadlines/overdue')).status).toBe(403);
      expect((await w.users.controllerAla.post('/staff-notifications/999999999/read')).status).toBe(404);
    });

    it('the queue dashboard is for admins only; health shows the queue depth', async () => {
      const server = t.app.getHttpServer();
      const anonymous = await request(server).get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toContain('Basic');
      expect(anonymous.body.code).toBe('UNAUTHORIZED');
      // Any credentials that are not an admin's answer 401, never a status that confirms them (API.md v1.1).
      expect((await request(server).get('/admin/queues').set('Authorization', `Bearer ${w.users.controllerAla.token}`)).status).toBe(401);
      expect((await request(server).get('/admin/queues').auth('admin', 'wrong-password')).status).toBe(401);
      const page = await request(server).get('/admin/queues').set('Authorization', `Bearer ${w.admin.token}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
      expect((await request(server).get('/admin/queues').auth('admin', 'admin-password')).status).toBe(200);
      const api = await request(server).get('/admin/queues/api/queues').set('Authorization', `Bearer ${w.admin.token}`);
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['deadline-syncs', 'deadlines', 'imports', 'notifications']);

      const health = await w.anonymous.get('/health');
      expect(health.status).toBe(200);
      expect(health.body.queues.deadlines).toEqual(expect.objectContaining({ delayed: expect.any(Number), failed: expect.any(Number) }));
    });
  });
});
