import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Branch, BRANCH_LEVELS } from './branch.entity';
import { BranchView, CreateBranchDto } from './org.dto';
import { resolveNames } from './resolve-names';

@Injectable()
export class BranchesService {
  constructor(@InjectRepository(Branch) private readonly branches: Repository<Branch>) {}

  async create(input: CreateBranchDto): Promise<BranchView> {
    if (input.level === 'central') {
      if (input.parentId) throw AppError.validation('parentId', 'the central office has no parent', 'not_allowed');
      if (await this.branches.existsBy({ level: 'central' })) {
        throw new AppError('DUPLICATE', 'The central office already exists', [{ field: 'level', message: 'only one central branch', code: 'already_exists' }]);
      }
    } else {
      if (!input.parentId) throw AppError.validation('parentId', `a ${input.level} branch needs a parent`, 'required');
      const parent = await this.branches.findOneBy({ id: input.parentId });
      if (!parent) throw AppError.validation('parentId', 'parent branch does not exist', 'not_exists');
      if (BRANCH_LEVELS.indexOf(parent.level) >= BRANCH_LEVELS.indexOf(input.level)) {
        throw AppError.validation('level', `a ${input.level} branch cannot sit under a ${parent.level} branch`);
      }
    }
    const saved = await this.branches.save(
      this.branches.create({ code: input.code, level: input.level, ...resolveNames(input), parentId: input.parentId ?? null }),
    );
    return toView(saved);
  }

  async list(parentId?: string): Promise<BranchView[]> {
    const rows = await this.branches.find({ where: parentId ? { parentId } : {}, order: { code: 'ASC' } });
    return rows.map(toView);
  }

  async exists(id: string): Promise<boolean> {
    return this.branches.existsBy({ id });
  }
}

function toView(b: Branch): BranchView {
  return { id: b.id, code: b.code, name: b.name, names: b.names, level: b.level, parentId: b.parentId };
}
