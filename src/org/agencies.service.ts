import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Agency } from './agency.entity';
import { Branch } from './branch.entity';
import { AgencyView, CreateAgencyDto } from './org.dto';
import { resolveNames } from './resolve-names';

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(Branch) private readonly branches: Repository<Branch>,
  ) {}

  async create(input: CreateAgencyDto): Promise<AgencyView> {
    if (input.branchId && !(await this.branches.existsBy({ id: input.branchId }))) {
      throw AppError.validation('branchId', 'branch does not exist', 'not_exists');
    }
    const saved = await this.agencies.save(this.agencies.create({ code: input.code, ...resolveNames(input), branchId: input.branchId ?? null }));
    return toView(saved);
  }

  async list(): Promise<AgencyView[]> {
    return (await this.agencies.find({ order: { code: 'ASC' } })).map(toView);
  }
}

function toView(a: Agency): AgencyView {
  return { id: a.id, code: a.code, name: a.name, names: a.names, branchId: a.branchId };
}
