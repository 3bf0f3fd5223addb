import { deadlineJobData, toQueuedJob } from './deadline-jobs';
import { DeadlineJobData, deadlineJobId, effectKeyOf, PlannedDeadlineJob } from './deadline-plan';

const ID = '0b5d3c5e-8c7a-4c47-9a53-3f2b6f1f0a11';
const moments: DeadlineJobData[] = [
  { appealId: ID, kind: 'forwarding', on: '2026-11-02' },
  { appealId: ID, kind: 'reminder', on: '2026-11-23' },
  { appealId: ID, kind: 'due', on: '2026-11-23' },
  { appealId: ID, kind: 'escalation', on: '2026-11-23', step: 1 },
  { appealId: ID, kind: 'escalation', on: '2026-11-23', step: 12 },
];
const planned = (data: DeadlineJobData, runAt: Date): PlannedDeadlineJob => {
  const effectKey = effectKeyOf(data);
  const runDate = runAt.toISOString().slice(0, 10);
  return { effectKey, jobId: deadlineJobId(effectKey, runDate), runAt, runDate, data };
};

describe('deadline job layout', () => {
  it('the payload names the moment: it reads back as the data it was planned from', () => {
    for (const data of moments) expect(deadlineJobData(toQueuedJob(planned(data, new Date())).data)).toEqual(data);
  });

  it('reads the payload of jobs queued before the compact layout (the data object itself)', () => {
    expect(deadlineJobData(moments[3])).toEqual(moments[3]);
  });

  it('keeps every value BullMQ stores under 64 bytes, so Redis keeps the job hash compact', () => {
    const now = Date.UTC(2026, 10, 1);
    // Up to 30 years ahead (a 12-digit delay in ms); BullMQ adds `"attempts":0` to the options.
    for (const runAt of [new Date(now), new Date(now + 30 * 365 * 86_400_000)]) {
      for (const data of moments) {
        const job = toQueuedJob(planned(data, runAt), now);
        expect(JSON.stringify(job.data).length).toBeLessThanOrEqual(64);
        expect(JSON.stringify({ ...job.opts, attempts: 0 }).length).toBeLessThanOrEqual(64);
        expect(job.name.length).toBeLessThanOrEqual(64);
      }
    }
  });
});
