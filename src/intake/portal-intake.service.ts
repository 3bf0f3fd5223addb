import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { PortalAppealInput } from './appeal-input.dto';
import { newAppealFromPortal } from './intake.mapper';
import { PortalReceipt } from './portal.dto';
import { RegisterAppeal } from './register-appeal.use-case';

/** The citizens' portal submission, with an optional Idempotency-Key. */
@Injectable()
export class PortalIntake {
  constructor(
    private readonly ds: DataSource,
    private readonly registerAppeal: RegisterAppeal,
  ) {}

  async submit(input: PortalAppealInput, idempotencyKey?: string): Promise<PortalReceipt> {
    if (idempotencyKey === undefined) return this.ds.transaction((m) => this.register(m, input));
    const requestHash = hashOf(input);
    const earlier = await this.replay(idempotencyKey, requestHash);
    if (earlier) return earlier;
    try {
      return await this.ds.transaction(async (m) => {
        const receipt = await this.register(m, input);
        await m.query(`INSERT INTO idempotency_keys (key, request_hash, appeal_id, response) VALUES ($1, $2, $3, $4)`, [
          idempotencyKey,
          requestHash,
          receipt.id,
          JSON.stringify(receipt),
        ]);
        return receipt;
      });
    } catch (err) {
      // A concurrent request with the same key committed first: its appeal stands, ours rolled back.
      const replayed = isUniqueViolation(err) ? await this.replay(idempotencyKey, requestHash) : null;
      if (replayed) return replayed;
      throw err;
    }
  }

  private async register(m: EntityManager, input: PortalAppealInput): Promise<PortalReceipt> {
    const appeal = await this.registerAppeal.execute(newAppealFromPortal(input), m);
    return { id: appeal.id, number: appeal.number, trackingCode: appeal.trackingCode, status: appeal.status, dueDate: appeal.dueDate };
  }

  private async replay(key: string, requestHash: string): Promise<PortalReceipt | null> {
    const [row] = await this.ds.query(`SELECT request_hash AS "requestHash", response FROM idempotency_keys WHERE key = $1`, [key]);
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw new AppError('DUPLICATE', 'This Idempotency-Key was already used with a different request', [
        { field: 'Idempotency-Key', message: 'already used with a different body' },
      ]);
    }
    return row.response as PortalReceipt;
  }
}

/** The same body in any key order gives the same hash. */
function hashOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  return code === '23505';
}
