import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { RegistrationParams, RegistrationRow } from './register-appeal.sql';
import { runRegistrations } from './run-registrations';

interface Waiting {
  params: RegistrationParams;
  /** Applicant and category: two registrations with the same key never share a statement. */
  repeatKey: string | null;
  resolve: (row: RegistrationRow) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for intake. A registration is sent at once when a connection is free; those that
 * arrive while INTAKE_BATCH_CONNECTIONS statements are being written wait and go together in the
 * next one (up to INTAKE_BATCH_SIZE). One statement, one commit and one round of the cubes'
 * statement-level triggers then serve many appeals: on a small machine Postgres spends most of a
 * lone registration on that fixed cost. An idle service adds no delay; a busy one answers each
 * request when its statement has committed, as before.
 *
 * The repeat link is looked up in the statement, which cannot see a registration of the same
 * statement or of one still in flight: a registration of the same applicant and category as one
 * of those waits for the next statement, so it is linked as it would be one by one.
 *
 * A statement Postgres refuses for its data (SQLSTATE class 22 or 23: one registration's value)
 * is retried one registration at a time, so only the offending one fails. Any other error (the
 * database down, a timeout) fails the whole statement's registrations at once: each caller gets
 * the error it would have had alone.
 */
@Injectable()
export class RegistrationBatcher {
  private waiting: Waiting[] = [];
  private readonly keysInFlight = new Set<string>();
  private statementsInFlight = 0;
  private flushScheduled = false;
  private readonly maxStatements: number;
  private readonly maxBatch: number;

  constructor(
    private readonly ds: DataSource,
    env: Environment,
  ) {
    this.maxStatements = env.INTAKE_BATCH_CONNECTIONS;
    this.maxBatch = env.INTAKE_BATCH_SIZE;
  }

  register(params: RegistrationParams): Promise<RegistrationRow> {
    return new Promise((resolve, reject) => {
      const repeatKey = params.applicant_iin === null ? null : `${params.applicant_iin}/${params.category_id}`;
      this.waiting.push({ params, repeatKey, resolve, reject });
      // After the current I/O phase, so requests parsed in the same turn of the event loop go together.
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.statementsInFlight < this.maxStatements && this.waiting.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.statementsInFlight++;
      void this.write(batch).finally(() => {
        this.statementsInFlight--;
        for (const w of batch) if (w.repeatKey) this.keysInFlight.delete(w.repeatKey);
        this.flush();
      });
    }
  }

  /** The oldest waiting registrations, up to the batch size, except those whose repeat key is taken. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    for (const w of this.waiting) {
      if (batch.length < this.maxBatch && !(w.repeatKey && this.keysInFlight.has(w.repeatKey))) {
        batch.push(w);
        if (w.repeatKey) this.keysInFlight.add(w.repeatKey);
      } else {
        later.push(w);
      }
    }
    this.waiting = later;
    return batch;
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const rows = await this.statement(batch.map((w) => w.params));
      batch.forEach((w, i) => w.resolve(rows[i]));
    } catch (err) {
      if (batch.length === 1 || !isDataError(err)) {
        for (const w of batch) w.reject(err);
        return;
      }
      for (const w of batch) {
        await this.statement([w.params]).then(
          (rows) => w.resolve(rows[0]),
          (e: unknown) => w.reject(e),
        );
      }
    }
  }

  private async statement(params: RegistrationParams[]): Promise<RegistrationRow[]> {
    const runner = this.ds.createQueryRunner();
    try {
      return await runRegistrations((await runner.connect()) as PoolClient, params);
    } finally {
      await runner.release();
    }
  }
}

/** Data exception (22) or integrity constraint violation (23): caused by a value, not by the database's state. */
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
