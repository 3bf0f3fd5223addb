import { WorkingCalendar } from '../calendar/working-calendar';
import { buildKazakhCalendar } from '../calendar/kazakh-holidays';
import { DeadlinePolicy } from './deadline-policy';
import { deadlineJobId, DeadlineMoment, DeadlineSubject, effectKeyOf, nextDeadlineJob, planDeadlineMoments } from './deadline-plan';

const ZONE = 'Asia/Almaty';
const calendar = new WorkingCalendar(buildKazakhCalendar(2024, 2027));
const policy: DeadlinePolicy = {
  appealType: 'complaint',
  decisionWorkdays: 15,
  forwardingWorkdays: 3,
  reminderLeadWorkdays: 2,
  escalationWorkdays: [3, 10],
  restartOnTransfer: false,
  updatedAt: new Date(),
};
const ID = '11111111-2222-3333-4444-555555555555';
const subject = (over: Partial<DeadlineSubject> = {}): DeadlineSubject => ({
  id: ID,
  status: 'registered',
  receivedOn: '2026-11-02',
  dueDate: calendar.addWorkingDays('2026-11-02', 15),
  ...over,
});
const iso = (d: Date) => d.toISOString();
/** The plan as seen on 1 November 2026, before any of these moments. */
const NOW = Date.parse('2026-11-01T00:00:00Z');
/** The job id a moment would have if it were the one queued. */
const idOf = (m: DeadlineMoment) => deadlineJobId(m.effectKey, m.runDate);
const plan = (s: DeadlineSubject, p: DeadlinePolicy = policy, done?: Set<string>) => planDeadlineMoments(s, p, calendar, ZONE, done, NOW);

describe('planDeadlineMoments', () => {
  it('a registered case: forwarding check, reminder, due and two escalations at the right moments (UTC+5)', () => {
    const jobs = plan(subject());
    expect(subject().dueDate).toBe('2026-11-23');
    expect(jobs.map((j) => [j.data.kind, j.data.step ?? null, iso(j.runAt)])).toEqual([
      // 3 working days after Mon 2 Nov is Thu 5 Nov; the check runs when that day ends in Almaty.
      ['forwarding', null, '2026-11-05T19:00:00.000Z'],
      // 2 working days before Mon 23 Nov is Thu 19 Nov, at 09:00 Almaty.
      ['reminder', null, '2026-11-19T04:00:00.000Z'],
      ['due', null, '2026-11-23T19:00:00.000Z'],
      // 3 and 10 working days after 23 Nov: 26 Nov, and 8 Dec (16 Dec is far; no holiday in between).
      ['escalation', 1, '2026-11-26T19:00:00.000Z'],
      ['escalation', 2, '2026-12-07T19:00:00.000Z'],
    ]);
  });

  it('ids are deterministic and come from the effect and the run date', () => {
    const [a, b] = [plan(subject()), plan(subject())];
    expect(a.map(idOf)).toEqual(b.map(idOf));
    const due = a.find((j) => j.data.kind === 'due')!;
    expect(due.effectKey).toBe(`deadline.${ID}.due.2026-11-23`);
    expect(due.runDate).toBe('2026-11-24');
    expect(nextDeadlineJob([due])?.jobId).toBe(deadlineJobId(due.effectKey, '2026-11-24'));
    expect(idOf(due)).toMatch(/^d\.[A-Za-z0-9_-]{16}$/); // no ':' (BullMQ's key separator), 18 characters
    expect(new Set(a.map(idOf)).size).toBe(a.length);
    expect(deadlineJobId(due.effectKey, '2026-11-25')).not.toBe(idOf(due));
    expect(effectKeyOf({ appealId: ID, kind: 'escalation', on: '2026-11-23', step: 2 })).toBe(`deadline.${ID}.escalation-2.2026-11-23`);
  });

  it('a case received on a weekend counts its forwarding term from the next working day (day 0)', () => {
    // Received Saturday 7 Nov: day 0 is Monday 9 Nov, 3 working days later is Thursday 12 Nov.
    const jobs = plan(subject({ receivedOn: '2026-11-07', dueDate: '2026-11-30' }));
    const forwarding = jobs.find((j) => j.data.kind === 'forwarding')!;
    expect(forwarding.data.on).toBe('2026-11-07');
    expect(iso(forwarding.runAt)).toBe('2026-11-12T19:00:00.000Z');
  });

  it('only a registered case has a forwarding check', () => {
    for (const status of ['routed', 'in_progress'] as const) {
      const kinds = plan(subject({ status })).map((j) => j.data.kind);
      expect(kinds).toEqual(['reminder', 'due', 'escalation', 'escalation']);
    }
  });

  it('a stopped clock or a finished case has no jobs', () => {
    for (const status of ['paused', 'answered', 'closed', 'withdrawn'] as const) {
      expect(plan(subject({ status }))).toEqual([]);
    }
  });

  it('moments already carried out are not planned again', () => {
    const all = plan(subject({ status: 'routed' }));
    const done = new Set([all[0].effectKey, all[1].effectKey]);
    expect(plan(subject({ status: 'routed' }), policy, done).map((j) => j.data.kind)).toEqual(['escalation', 'escalation']);
  });

  it('a new due date gives new ids: an extension replaces every job', () => {
    const before = plan(subject({ status: 'in_progress' })).map(idOf);
    const after = plan(subject({ status: 'in_progress', dueDate: '2026-12-10' })).map(idOf);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('policy: no reminder when the lead is 0, escalation steps as configured', () => {
    const kinds = plan(subject({ status: 'routed' }), { ...policy, reminderLeadWorkdays: 0, escalationWorkdays: [5] }).map(
      (j) => `${j.data.kind}${j.data.step ?? ''}`,
    );
    expect(kinds).toEqual(['due', 'escalation1']);
  });

  it('no reminder once the due moment has passed', () => {
    const late = planDeadlineMoments(subject({ status: 'routed' }), policy, calendar, ZONE, new Set(), Date.parse('2026-11-24T00:00:00Z'));
    expect(late.map((j) => j.data.kind)).toEqual(['due', 'escalation', 'escalation']);
  });

  it('holidays move the moments: a due date before Independence Day escalates after it', () => {
    // Due Mon 14 Dec 2026; 16 Dec (Wed) is a holiday, so 3 working days later is Fri 18 Dec.
    const jobs = plan(subject({ status: 'routed', dueDate: '2026-12-14' }));
    expect(iso(jobs.find((j) => j.data.step === 1)!.runAt)).toBe('2026-12-18T19:00:00.000Z');
  });
});

describe('nextDeadlineJob', () => {
  it('queues the earliest moment of the plan, and nothing for a case without moments', () => {
    expect(nextDeadlineJob(plan(subject()))?.data.kind).toBe('forwarding');
    expect(nextDeadlineJob(plan(subject({ status: 'in_progress' })))?.data.kind).toBe('reminder');
    expect(nextDeadlineJob(plan(subject({ status: 'paused' })))).toBeUndefined();
  });

  it('once a moment is carried out, the next one is queued', () => {
    const jobs = plan(subject({ status: 'in_progress' }));
    const done = new Set(jobs.slice(0, 2).map((j) => j.effectKey));
    expect(nextDeadlineJob(plan(subject({ status: 'in_progress' }), policy, done))).toMatchObject({ data: { kind: 'escalation', step: 1 } });
  });

  it('of moments at the same instant, the first of the plan (a due date with no reminder lead and a forwarding term ending that day)', () => {
    const sameDay = subject({ dueDate: calendar.addWorkingDays('2026-11-02', 3) });
    const jobs = plan(sameDay, { ...policy, reminderLeadWorkdays: 0 });
    expect(jobs[0].runAt).toEqual(jobs[1].runAt);
    expect(nextDeadlineJob(jobs)?.data.kind).toBe('forwarding');
  });
});
