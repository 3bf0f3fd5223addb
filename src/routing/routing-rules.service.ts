import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { Category } from '../classifier/category.entity';
import { RoutingRule } from './routing-rule.entity';
import { CreateRoutingRuleDto, RoutingRuleView } from './routing-rule.dto';

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

  async list(): Promise<RoutingRuleView[]> {
    return (await this.rules.find({ order: { createdAt: 'ASC' } })).map(toView);
  }
}

function toView(r: RoutingRule): RoutingRuleView {
  return { id: r.id, categoryId: r.categoryId, agencyId: r.agencyId, branchId: r.branchId, priority: r.priority };
}
