import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { DEFAULT_JOB_OPTIONS, importJobId, JOBS, QUEUES } from '../queue/queue-catalogue';
import { createQueue } from '../queue/queue-connection';
import { AppealImportView } from './import.dto';

/**
 * Accepts a historical import: the file is stored with the import row (Postgres is the source
 * of truth) and a job carrying only the id is queued. When Redis is down the row stays queued;
 * the worker queues every queued import again when it starts.
 */
@Injectable()
export class AppealImports implements OnApplicationShutdown {
  private readonly logger = new Logger(AppealImports.name);
  private readonly queue: Queue;

  constructor(
    private readonly ds: DataSource,
    env: Environment,
  ) {
    this.queue = createQueue(env, QUEUES.imports);
  }

  async create(principal: Principal, csv: unknown): Promise<Pick<AppealImportView, 'id' | 'status'>> {
    if (typeof csv !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the body with Content-Type: text/csv');
    if (!csv.trim()) throw AppError.validation('body', 'the file is empty');
    const [row] = await this.ds.query(`INSERT INTO appeal_imports (csv, created_by) VALUES ($1, $2) RETURNING id, status`, [csv, principal.userId]);
    try {
      await this.queue.add(JOBS.importAppeals, { importId: row.id }, { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId: importJobId(row.id) });
    } catch (err) {
      this.logger.warn(`import ${row.id} stays queued until the worker restarts: ${err instanceof Error ? err.message : 'unknown error'}`);
    }
    return row;
  }

  async get(id: string): Promise<AppealImportView> {
    const [row] = await this.ds.query(
      `SELECT id, status, total, processed, imported, skipped, failed, errors, created_at AS "createdAt", finished_at AS "finishedAt"
         FROM appeal_imports WHERE id = $1`,
      [id],
    );
    if (!row) throw AppError.notFound('Import');
    return { ...row, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
