import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope } from '../access/access-scope.service';
import { scopeCondition } from '../access/access-scope';
import { toAppealView } from '../appeals/appeal.view';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { dateInZone } from '../common/time/date-in-zone';
import { Environment } from '../config/environment';
import { newAppealFromStaff } from '../intake/intake.mapper';
import { RegisterAppeal } from '../intake/register-appeal.use-case';
import {
  ReceptionDetailView,
  ReceptionInput,
  ReceptionListQuery,
  ReceptionPatch,
  ReceptionView,
  ReceptionVisitView,
  VisitInput,
  VisitView,
} from './reception.dto';
import { ReceptionSession } from './reception-session.entity';
import { ReceptionVisit, Visitor } from './reception-visit.entity';

/** Reception sessions held by deputies and agency heads, and the visits recorded at them. */
@Injectable()
export class ReceptionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
    private readonly scope: AccessScope,
    private readonly registerAppeal: RegisterAppeal,
  ) {}

  async create(principal: Principal, input: ReceptionInput): Promise<ReceptionView> {
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (endsAt && endsAt < startsAt) throw AppError.validation('endsAt', 'must not be before startsAt', 'range.end_before_start', { start: 'startsAt' });
    await this.scope.assertBranch(principal, input.branchId);
    if (input.agencyId && !(await this.ds.query(`SELECT 1 FROM agencies WHERE id = $1`, [input.agencyId])).length) {
      throw AppError.validation('agencyId', 'agency does not exist', 'not_exists');
    }
    const session = await this.ds.manager.save(
      this.ds.manager.create(ReceptionSession, {
        branchId: input.branchId,
        hostName: input.hostName,
        hostType: input.hostType,
        agencyId: input.agencyId ?? null,
        startsAt,
        startsOn: dateInZone(startsAt, this.env.APP_TIMEZONE),
        endsAt,
        format: input.format,
        createdBy: principal.userId,
      }),
    );
    return { ...toView(session), visitors: 0 };
  }

  async list(principal: Principal, query: ReceptionListQuery): Promise<ReceptionView[]> {
    const scope = scopeCondition(principal, 's');
    const qb = this.ds.manager
      .createQueryBuilder(ReceptionSession, 's')
      .where(scope.sql, scope.params)
      .addSelect('(SELECT count(*) FROM reception_visits v WHERE v.reception_id = s.id)::int', 'visitors')
      .orderBy('s.starts_at', 'DESC')
      .take(1000);
    if (query.branchId) {
      qb.andWhere('s.branch_id IN (SELECT fb.id FROM branches fb WHERE fb.path <@ (SELECT path FROM branches WHERE id = :branchId))', {
        branchId: query.branchId,
      });
    }
    const zone = this.env.APP_TIMEZONE;
    if (query.from) qb.andWhere('s.starts_at >= :from', { from: DateTime.fromISO(query.from, { zone }).toJSDate() });
    if (query.to) qb.andWhere('s.starts_at < :to', { to: DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).toJSDate() });
    const { entities, raw } = await qb.getRawAndEntities<{ visitors: number }>();
    return entities.map((session, i) => toView({ ...session, visitors: raw[i].visitors }));
  }

  async get(principal: Principal, id: string): Promise<ReceptionDetailView> {
    const session = await this.scopedSession(principal, id, this.ds.manager);
    const visits: ReceptionVisitView[] = await this.ds.query(
      `SELECT v.id, v.visitor, v.topic, v.result, v.appeal_id AS "appealId", a.number AS "appealNumber"
         FROM reception_visits v LEFT JOIN appeals a ON a.id = v.appeal_id
        WHERE v.reception_id = $1 ORDER BY v.created_at, v.id`,
      [session.id],
    );
    return { ...toView({ ...session, visitors: visits.length }), visits };
  }

  async update(principal: Principal, id: string, patch: ReceptionPatch): Promise<ReceptionView> {
    return this.ds.transaction(async (m) => {
      const session = await this.scopedSession(principal, id, m, true);
      const endsAt = patch.endsAt !== undefined ? new Date(patch.endsAt) : session.endsAt;
      if (patch.endsAt !== undefined && endsAt! <= session.startsAt) throw AppError.validation('endsAt', 'must be after startsAt');
      const changes = {
        ...(patch.endsAt !== undefined && { endsAt }),
        ...(patch.hostName !== undefined && { hostName: patch.hostName }),
        ...(patch.format !== undefined && { format: patch.format }),
      };
      if (Object.keys(changes).length) await m.update(ReceptionSession, { id: session.id }, changes);
      const [{ visitors }] = await m.query(`SELECT count(*)::int AS visitors FROM reception_visits WHERE reception_id = $1`, [session.id]);
      return toView({ ...session, ...changes, visitors });
    });
  }

  /** A session in the caller's scope (404 otherwise), locked for a change when asked. */
  private async scopedSession(principal: Principal, id: string, m: EntityManager, lock = false): Promise<ReceptionSession> {
    const scope = scopeCondition(principal, 's');
    const qb = m.createQueryBuilder(ReceptionSession, 's').where(scope.sql, scope.params).andWhere('s.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const session = await qb.getOne();
    if (!session) throw AppError.notFound('Reception');
    return session;
  }

  async addVisit(principal: Principal, receptionId: string, input: VisitInput): Promise<VisitView> {
    if (input.result !== 'appeal' && input.appeal) throw AppError.validation('appeal', 'is only allowed when result is "appeal"', 'not_allowed');
    return this.ds.transaction(async (m) => {
      const session = await this.scopedSession(principal, receptionId, m);

      let appeal;
      if (input.result === 'appeal' && input.appeal) {
        const newAppeal = newAppealFromStaff(input.appeal, 'reception', principal, {
          receivedAt: session.startsAt,
          fieldPrefix: 'appeal.',
          receptionId: session.id,
          branchId: session.branchId,
        });
        appeal = await this.registerAppeal.execute(newAppeal, m);
      }
      const visitor: Visitor = { fullName: input.visitor.fullName, iin: input.visitor.iin, phone: input.visitor.phone };
      const visit = await m.save(
        m.create(ReceptionVisit, {
          receptionId: session.id,
          visitor,
          topic: input.topic ?? null,
          result: input.result,
          appealId: appeal?.id ?? null,
          createdBy: principal.userId,
        }),
      );
      return { id: visit.id, result: visit.result, receptionId: session.id, ...(appeal ? { appeal: toAppealView(appeal) } : {}) };
    });
  }
}

function toView(s: ReceptionSession & { visitors?: number }): ReceptionView {
  return {
    id: s.id,
    branchId: s.branchId,
    hostName: s.hostName,
    hostType: s.hostType,
    agencyId: s.agencyId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt?.toISOString() ?? null,
    format: s.format,
    visitors: s.visitors,
  };
}
