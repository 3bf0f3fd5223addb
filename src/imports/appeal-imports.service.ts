import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
import { AppealImportView } from './import.dto';

/**
 * Accepts a historical import: the file is stored with the import row (Postgres is the source
 * of truth) and an outbox message in the same transaction, which the worker relays as a job
 * carrying only the id, whenever Redis is there to take it.
 */
@Injectable()
export class AppealImports {
  constructor(private readonly ds: DataSource) {}

  async create(principal: Principal, csv: unknown): Promise<Pick<AppealImportView, 'id' | 'status'>> {
    if (typeof csv !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the body with Content-Type: text/csv');
    if (!csv.trim()) throw AppError.validation('body', 'the file is empty');
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(`INSERT INTO appeal_imports (csv, created_by) VALUES ($1, $2) RETURNING id, status`, [csv, principal.userId]);
      await writeOutbox(m, [{ topic: OUTBOX_TOPICS.import, appealId: null, payload: { importId: row.id } }]);
      return row;
    });
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

}
