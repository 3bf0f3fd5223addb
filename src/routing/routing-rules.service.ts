import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { Category } from '../classifier/category.entity';
import { MatchingRule, pickRoutingRule } from './pick-routing-rule';
import { RoutingRule } from './routing-rule.entity';
import { CreateRoutingRuleDto, RoutingRuleView } from './routing-rule.dto';

/** Rules whose category is the appeal's or an ancestor, and whose branch is absent or the appeal's or an ancestor. */
const MATCHING_RULES_SQL = `
  SELECT r.id, r.agency_id AS "agencyId", r.priority,
         coalesce(nlevel(rb.path), 0) AS "branchDepth", nlevel(rc.path) AS "categoryDepth"
    FROM routing_rules r
    JOIN categories rc ON rc.id = r.category_id
    LEFT JOIN branches rb ON rb.id = r.branch_id
   WHERE rc.path @> (SELECT path FROM categories WHERE id = $1)
     AND (r.branch_id IS NULL OR rb.path @> (SELECT path FROM branches WHERE id = $2))`;

@Injectable()
export class RoutingRulesService {
  constructor(@InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>) {}

  async create(input: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    const m = this.rules.manager;
    if (!(await m.existsBy(Category, { id: input.categoryId }))) throw AppError.validation('categoryId', 'category does not exist');
    if (!(await m.existsBy(Agency, { id: input.agencyId }))) throw AppError.validation('agencyId', 'agency does not exist');
    if (input.branchId && !(await m.existsBy(Branch, { id: input.branchId }))) throw AppError.validation('branchId', 'branch does not exist');
    const saved = await this.rules.save(
      this.rules.create({ ...input, branchId: input.branchId ?? null, priority: input.priority ?? 0 }),
    );
    return toView(saved);
  }

  async list(): Promise<RoutingRuleView[]> {
    return (await this.rules.find({ order: { createdAt: 'ASC' } })).map(toView);
  }

  /** The agency an appeal of this category at this branch goes to, or null when no rule matches. */
  async resolveAgency(categoryId: string, branchId: string, manager: EntityManager = this.rules.manager): Promise<string | null> {
    const rows: MatchingRule[] = await manager.query(MATCHING_RULES_SQL, [categoryId, branchId]);
    return pickRoutingRule(rows)?.agencyId ?? null;
  }
}

function toView(r: RoutingRule): RoutingRuleView {
  return { id: r.id, categoryId: r.categoryId, agencyId: r.agencyId, branchId: r.branchId, priority: r.priority };
}
