import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { DEFAULT_JOB_OPTIONS, importJobId, JOBS, QUEUES } from '../queue/queue-catalogue';
import { bullConnection, createQueue } from '../queue/queue-connection';
import { RunAppealImport } from './run-appeal-import';

/** Consumes the imports queue (worker process only), one import at a time. */
@Injectable()
export class AppealImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private queue?: Queue;

  constructor(
    private readonly env: Environment,
    private readonly ds: DataSource,
    private readonly run: RunAppealImport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<{ importId: string }>(
      QUEUES.imports,
      async (job) => {
        if (job.name === JOBS.importAppeals) await this.run.execute(job.data.importId);
      },
      { connection: bullConnection(this.env), prefix: this.env.QUEUE_PREFIX, concurrency: 1 },
    );
    // Imports accepted while Redis was down are queued again (same job id: no duplicates).
    this.queue = createQueue(this.env, QUEUES.imports);
    const pending: { id: string }[] = await this.ds.query(`SELECT id FROM appeal_imports WHERE status = 'queued'`);
    if (pending.length) {
      await this.queue.addBulk(pending.map((p) => ({ name: JOBS.importAppeals, data: { importId: p.id }, opts: { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId: importJobId(p.id) } })));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}
