import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { Category } from '../classifier/category.entity';
import { RoutingRule } from './routing-rule.entity';
import { CreateRoutingRuleDto, ResolveRoutingQuery, RoutingResolutionView, RoutingRuleView } from './routing-rule.dto';
import { routedAgencySql } from './routing-resolution.sql';

@Injectable()
export class RoutingRulesService {
  constructor(@InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>) {}

  async create(input: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    const m = this.rules.manager;
    if (!(await m.existsBy(Category, { id: input.categoryId }))) throw AppError.validation('categoryId', 'category does not exist', 'not_exists');
    if (!(await m.existsBy(Agency, { id: input.agencyId }))) throw AppError.validation('agencyId', 'agency does not exist', 'not_exists');
    if (input.branchId && !(await m.existsBy(Branch, { id: input.branchId }))) throw AppError.validation('branchId', 'branch does not exist', 'not_exists');
    const saved = await this.rules.save(
      this.rules.create({ ...input, branchId: input.branchId ?? null, priority: input.priority ?? 0 }),
    );
    return toView(saved);
  }

  /** The same resolution routing uses (routing-resolution.sql.ts), for an appeal not yet written. */
  async resolve(query: ResolveRoutingQuery): Promise<RoutingResolutionView> {
    const m = this.rules.manager;
    const [row] = await m.query(
      `SELECT ${routedAgencySql('c.path', 'b.path', 'id')} AS rule_id FROM categories c, branches b WHERE c.id = $1 AND b.id = $2`,
      [query.categoryId, query.branchId],
    );
    if (!row) {
      if (!(await m.existsBy(Category, { id: query.categoryId }))) throw AppError.validation('categoryId', 'category does not exist');
      throw AppError.validation('branchId', 'branch does not exist');
    }
    const rule = row.rule_id ? await this.rules.findOneBy({ id: row.rule_id }) : null;
    return { rule: rule ? toView(rule) : null };
  }

  async list(): Promise<RoutingRuleView[]> {
    return (await this.rules.find({ order: { createdAt: 'ASC' } })).map(toView);
  }
}

function toView(r: RoutingRule): RoutingRuleView {
  return { id: r.id, categoryId: r.categoryId, agencyId: r.agencyId, branchId: r.branchId, priority: r.priority };
}
