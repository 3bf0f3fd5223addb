import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { Environment } from '../config/environment';
import { JOBS, QUEUES } from '../queue/queue-catalogue';
import { createWorker } from '../queue/queue-connection';
import { RunAppealImport } from './run-appeal-import';

/** Consumes the imports queue (worker process only), one import at a time. */
@Injectable()
export class AppealImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    private readonly env: Environment,
    private readonly run: RunAppealImport,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = createWorker<{ importId: string }>(
      this.env,
      QUEUES.imports,
      async (job) => {
        if (job.name === JOBS.importAppeals) await this.run.execute(job.data.importId);
      },
      1,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
