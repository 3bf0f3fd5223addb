import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BRANCH_SCOPED_ROLES } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';
import { CreateUserDto, UserView } from './user.dto';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async create(input: CreateUserDto): Promise<UserView> {
    const { branchId, agencyId } = await this.checkScope(input);
    if (await this.users.createQueryBuilder('u').where('lower(u.login) = lower(:login)', { login: input.login }).getExists()) {
      throw new AppError('DUPLICATE', 'This login is taken', [{ field: 'login', message: 'already exists' }]);
    }
    const saved = await this.users.save(
      this.users.create({
        login: input.login,
        passwordHash: await hashPassword(input.password),
        fullName: input.fullName,
        role: input.role,
        branchId,
        agencyId,
      }),
    );
    return toUserView(saved);
  }

  /** With the password hash, for login only. */
  findForLogin(login: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.login) = lower(:login)', { login })
      .getOne();
  }

  async list(): Promise<UserView[]> {
    return (await this.users.find({ order: { login: 'ASC' } })).map(toUserView);
  }

  /** Each role has exactly the scope API.md gives it: a branch subtree, an agency, or (admin) everything. */
  private async checkScope(input: CreateUserDto): Promise<{ branchId: string | null; agencyId: string | null }> {
    const m = this.users.manager;
    if (BRANCH_SCOPED_ROLES.includes(input.role)) {
      if (!input.branchId) throw AppError.validation('branchId', `is required for the role ${input.role}`);
      if (input.agencyId) throw AppError.validation('agencyId', `is not allowed for the role ${input.role}`);
      if (!(await m.existsBy(Branch, { id: input.branchId }))) throw AppError.validation('branchId', 'branch does not exist');
      return { branchId: input.branchId, agencyId: null };
    }
    if (input.role === 'agency_officer') {
      if (!input.agencyId) throw AppError.validation('agencyId', 'is required for the role agency_officer');
      if (input.branchId) throw AppError.validation('branchId', 'is not allowed for the role agency_officer');
      if (!(await m.existsBy(Agency, { id: input.agencyId }))) throw AppError.validation('agencyId', 'agency does not exist');
      return { branchId: null, agencyId: input.agencyId };
    }
    if (input.branchId || input.agencyId) throw AppError.validation(input.branchId ? 'branchId' : 'agencyId', 'an admin has no scope');
    return { branchId: null, agencyId: null };
  }
}

export function toUserView(u: User): UserView {
  return { id: u.id, login: u.login, fullName: u.fullName, role: u.role, branchId: u.branchId, agencyId: u.agencyId };
}
