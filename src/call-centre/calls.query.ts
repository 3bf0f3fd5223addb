import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { boundedCount } from '../common/pagination/bounded-count';
import { Environment } from '../config/environment';
import { CallListQuery, CallPage, CallRecordView } from './call.dto';
import { Call } from './call.entity';

interface CallRow extends Call {
  appealId: string | null;
}

/**
 * Reading the call log. A call belongs to the branch of the operator who took it, and is also
 * visible where the appeal it produced was registered: a national call centre's operators sit at
 * the central office, and a region's controllers must see the calls behind their cases. Admin
 * sees every call.
 */
@Injectable()
export class CallsQuery {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
  ) {}

  async list(principal: Principal, query: CallListQuery): Promise<CallPage> {
    const qb = this.scoped(principal);
    const zone = this.env.APP_TIMEZONE;
    if (query.from) qb.andWhere('c.started_at >= :from', { from: DateTime.fromISO(query.from, { zone }).toJSDate() });
    if (query.to) qb.andWhere('c.started_at < :to', { to: DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).toJSDate() });
    if (query.result) qb.andWhere('c.result = :result', { result: query.result });
    const rows = await qb.clone().orderBy('c.started_at', 'DESC').addOrderBy('c.id', 'DESC').offset(query.offset).limit(query.pageSize).getRawMany<RawCall>();
    const count = await boundedCount(qb);
    return { items: rows.map(toView), ...count, page: query.page, pageSize: query.pageSize };
  }

  async get(principal: Principal, id: string): Promise<CallRecordView> {
    const [row] = await this.scoped(principal).andWhere('c.id = :id', { id }).getRawMany<RawCall>();
    if (!row) throw AppError.notFound('Call');
    return toView(row);
  }

  private scoped(principal: Principal): SelectQueryBuilder<CallRow> {
    const qb = this.ds
      .createQueryBuilder()
      .select(['c.id AS id', 'c.result AS result', 'c.caller_phone AS "callerPhone"', 'c.started_at AS "startedAt"', 'c.ended_at AS "endedAt"'])
      .addSelect(['c.notes AS notes', 'c.appeal_number AS "appealNumber"', 'c.branch_id AS "branchId"', 'c.operator_id AS "operatorId"'])
      .addSelect('(SELECT ap.id FROM appeals ap WHERE ap.call_id = c.id LIMIT 1)', 'appealId')
      .from(Call, 'c') as SelectQueryBuilder<CallRow>;
    if (principal.role === 'admin') return qb.where('TRUE');
    const subtree = 'SELECT sb.id FROM branches sb WHERE sb.path <@ (SELECT path FROM branches WHERE id = :scopeBranchId)';
    return qb.where(
      `(c.branch_id IN (${subtree}) OR EXISTS (SELECT 1 FROM appeals sa WHERE sa.call_id = c.id AND sa.branch_id IN (${subtree})))`,
      { scopeBranchId: principal.branchId },
    );
  }
}

type RawCall = Omit<CallRecordView, 'startedAt' | 'endedAt'> & { startedAt: Date; endedAt: Date | null };

function toView(r: RawCall): CallRecordView {
  return {
    id: r.id,
    result: r.result,
    callerPhone: r.callerPhone,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    notes: r.notes,
    appealNumber: r.appealNumber,
    appealId: r.appealId,
    branchId: r.branchId,
    operatorId: r.operatorId,
  };
}
