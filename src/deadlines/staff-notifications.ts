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
 * The staff's inbox: deadline notices (reminders to agencies, overdue cases and escalations to
 * branches), cases routed to an agency and citizens' clarifications, scoped like the cases: a
 * branch sees what is addressed to its subtree, an agency what is addressed to it. A notice is
 * read per user (`staff_notification_reads`): `readAt` is when the caller read it.
 */
@Injectable()
export class StaffNotifications {
  constructor(private readonly ds: DataSource) {}

  async list(principal: Principal, query: StaffNotificationQuery): Promise<StaffNotificationPage> {
    const qb = this.scoped(principal);
    if (query.unread) qb.andWhere('r.read_at IS NULL');
    // getCount() needs an entity; this table has none.
    const [{ total }] = await qb.clone().select('count(*)::int', 'total').getRawMany<{ total: number }>();
    const rows: Row[] = await qb.orderBy('n.id', 'DESC').offset(query.offset).limit(query.pageSize).getRawMany();
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(principal: Principal, id: number): Promise<StaffNotificationView> {
    const [row]: Row[] = await this.scoped(principal).andWhere('n.id = :id', { id }).getRawMany();
    if (!row) throw AppError.notFound('Notification');
    if (!row.readAt) {
      // Read by this user only: everyone else the notice is addressed to still sees it unread.
      const [saved]: { read_at: Date }[] = await this.ds.query(
        `INSERT INTO staff_notification_reads (notification_id, user_id) VALUES ($1, $2)
         ON CONFLICT (user_id, notification_id) DO UPDATE SET read_at = staff_notification_reads.read_at RETURNING read_at`,
        [id, principal.userId],
      );
      row.readAt = saved.read_at;
    }
    return toView(row);
  }

  private scoped(principal: Principal): SelectQueryBuilder<Row> {
    const scope = scopeCondition(principal, 'n');
    return this.ds
      .createQueryBuilder()
      .select(['n.id AS id', 'n.kind AS kind', 'n.appeal_id AS "appealId"', 'a.number AS number', 'n.branch_id AS "branchId"'])
      .addSelect(['n.agency_id AS "agencyId"', 'n.data AS data', 'n.created_at AS "createdAt"', 'r.read_at AS "readAt"'])
      .from('staff_notifications', 'n')
      .innerJoin('appeals', 'a', 'a.id = n.appeal_id')
      .leftJoin('staff_notification_reads', 'r', 'r.notification_id = n.id AND r.user_id = :readerId', { readerId: principal.userId })
      .where(scope.sql, scope.params) as SelectQueryBuilder<Row>;
  }
}

function toView(r: Row): StaffNotificationView {
  return { ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null };
}
