import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { scopeCondition, scopeConditionForBranches } from '../access/access-scope';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { BoundedCount, boundedCount } from '../common/pagination/bounded-count';
import { Page } from '../common/pagination/page';
import { AppealEvent } from './appeal-event.entity';
import { Appeal } from './appeal.entity';
import { AppealListQuery, AppealSort } from './appeal-list.query';
import { appealSearchCondition, parseAppealSearch } from './appeal-search';

const SORTS: Record<AppealSort, [string, 'ASC' | 'DESC']> = {
  receivedAt: ['a.received_at', 'ASC'],
  '-receivedAt': ['a.received_at', 'DESC'],
  dueDate: ['a.due_date', 'ASC'],
  '-dueDate': ['a.due_date', 'DESC'],
};

/**
 * The only way to read appeals on behalf of a caller: every query starts from {@link query},
 * which already carries the caller's scope, so no reader can forget it. An appeal outside the
 * scope is simply not found (404), never revealed.
 */
@Injectable()
export class ScopedAppeals {
  constructor(private readonly ds: DataSource) {}

  query(principal: Principal, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Appeal> {
    const scope = scopeCondition(principal, 'a');
    return manager.createQueryBuilder(Appeal, 'a').where(scope.sql, scope.params);
  }

  async get(principal: Principal, id: string, manager?: EntityManager): Promise<Appeal> {
    const appeal = await this.query(principal, manager).andWhere('a.id = :id', { id }).getOne();
    if (!appeal) throw AppError.notFound('Appeal');
    return appeal;
  }

  /** Locks the row for a state change inside the caller's transaction. */
  async getForUpdate(principal: Principal, id: string, manager: EntityManager): Promise<Appeal> {
    const appeal = await this.query(principal, manager).andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!appeal) throw AppError.notFound('Appeal');
    return appeal;
  }

  /**
   * A page of the caller's cases. The scope and the branch and category filters are resolved to
   * ids first (scopeConditionForBranches), so each sort walks its own index (received_at, id /
   * due_date, id; migrations/1763700000013-web-interface.ts) over a large scope; the total is
   * bounded (bounded-count.ts). docs/search.md has the plans at 1,000,000 cases.
   */
  async list(principal: Principal, filter: AppealListQuery): Promise<Page<Appeal> & BoundedCount> {
    const scopeIds = principal.role === 'admin' || principal.role === 'agency_officer' ? [] : await this.subtree('branches', principal.branchId!);
    const scope = scopeConditionForBranches(principal, 'a', scopeIds);
    const qb = this.ds.manager.createQueryBuilder(Appeal, 'a').where(scope.sql, scope.params);
    if (filter.q) {
      const search = appealSearchCondition(parseAppealSearch(filter.q), 'a');
      qb.andWhere(search.sql, search.params);
    }
    if (filter.type) qb.andWhere('a.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('a.channel = :channel', { channel: filter.channel });
    if (filter.agencyId) qb.andWhere('a.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.deadlineState) qb.andWhere('a.deadline_state = :deadlineState', { deadlineState: filter.deadlineState });
    if (filter.receivedFrom) qb.andWhere('a.received_on >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere('a.received_on <= :receivedTo', { receivedTo: filter.receivedTo });
    if (filter.branchId) qb.andWhere('a.branch_id = ANY(:branchIds)', { branchIds: await this.subtree('branches', filter.branchId) });
    if (filter.categoryId) qb.andWhere('a.category_id = ANY(:categoryIds)', { categoryIds: await this.subtree('categories', filter.categoryId) });
    const [column, direction] = SORTS[filter.sort];
    const items = await qb.clone().orderBy(column, direction).addOrderBy('a.id', direction).offset(filter.offset).limit(filter.pageSize).getMany();
    const count = await boundedCount(qb);
    return { items, ...count, page: filter.page, pageSize: filter.pageSize };
  }

  /** A node of the branch or category tree and its whole subtree, as ids (none for an unknown id). */
  private async subtree(table: 'branches' | 'categories', id: string): Promise<string[]> {
    const [{ ids }] = await this.ds.query(
      `SELECT coalesce(array_agg(id), '{}') AS ids FROM ${table} WHERE path <@ (SELECT path FROM ${table} WHERE id = $1)`,
      [id],
    );
    return ids;
  }

  async events(principal: Principal, id: string): Promise<AppealEvent[]> {
    await this.get(principal, id);
    return this.ds.manager.find(AppealEvent, { where: { appealId: id }, order: { seq: 'ASC' } });
  }
}
