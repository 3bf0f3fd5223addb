import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { scopeCondition } from '../access/access-scope';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { StaffNotificationPage, StaffNotificationQuery, StaffNotificationView } from './deadlines.dto';

interface Row {
  id: number;
  kind: string;
  appealId: string;
  number: string;
  branchId: string | null;
  agencyId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The staff's inbox of deadline notices (reminders to agencies, overdue cases and escalations
 * to branches), scoped like the cases: a branch sees what is addressed to its subtree, an
 * agency what is addressed to it.
 */
@Injectable()
export class StaffNotifications {
  constructor(private readonly ds: DataSource) {}

  async list(principal: Principal, query: StaffNotificationQuery): Promise<StaffNotificationPage> {
    const qb = this.scoped(principal);
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    // getCount() needs an entity; this table has none.
    const [{ total }] = await qb.clone().select('count(*)::int', 'total').getRawMany<{ total: number }>();
    const rows: Row[] = await qb.orderBy('n.id', 'DESC').offset(query.offset).limit(query.pageSize).getRawMany();
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(principal: Principal, id: number): Promise<StaffNotificationView> {
    const [row]: Row[] = await this.scoped(principal).andWhere('n.id = :id', { id }).getRawMany();
    if (!row) throw AppError.notFound('Notification');
    if (!row.readAt) {
      const [[updated]]: [{ read_at: Date }[], number] = await this.ds.query(
        `UPDATE staff_notifications SET read_at = coalesce(read_at, now()), read_by = coalesce(read_by, $2) WHERE id = $1 RETURNING read_at`,
        [id, principal.userId],
      );
      row.readAt = updated.read_at;
    }
    return toView(row);
  }

  private scoped(principal: Principal): SelectQueryBuilder<Row> {
    const scope = scopeCondition(principal, 'n');
    return this.ds
      .createQueryBuilder()
      .select(['n.id AS id', 'n.kind AS kind', 'n.appeal_id AS "appealId"', 'a.number AS number', 'n.branch_id AS "branchId"'])
      .addSelect(['n.agency_id AS "agencyId"', 'n.data AS data', 'n.created_at AS "createdAt"', 'n.read_at AS "readAt"'])
      .from('staff_notifications', 'n')
      .innerJoin('appeals', 'a', 'a.id = n.appeal_id')
      .where(scope.sql, scope.params) as SelectQueryBuilder<Row>;
  }
}

function toView(r: Row): StaffNotificationView {
  return { ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null };
}
