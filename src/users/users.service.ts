import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TokenVersions } from '../auth/token-versions';
import { BRANCH_SCOPED_ROLES, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { PasswordHasher } from './password-hasher';
import { assertPasswordPolicy } from './password-policy';
import { User } from './user.entity';
import { CreateUserDto, UpdateUserDto, UserListQuery, UserPage, UserView } from './user.dto';

interface Scope {
  role: Role;
  branchId: string | null;
  agencyId: string | null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokenVersions: TokenVersions,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: CreateUserDto): Promise<UserView> {
    assertPasswordPolicy('password', input.password, input.login);
    const { branchId, agencyId } = await this.checkScope(this.users.manager, { role: input.role, branchId: input.branchId ?? null, agencyId: input.agencyId ?? null });
    if (await this.users.createQueryBuilder('u').where('lower(u.login) = lower(:login)', { login: input.login }).getExists()) {
      throw new AppError('DUPLICATE', 'This login is taken', [{ field: 'login', message: 'already exists' }]);
    }
    const saved = await this.users.save(
      this.users.create({
        login: input.login,
        passwordHash: await this.hasher.hash(input.password),
        fullName: input.fullName,
        role: input.role,
        branchId,
        agencyId,
        active: true,
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

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('User');
    return toUserView(user);
  }

  async list(query: UserListQuery): Promise<UserPage> {
    const qb = this.users.createQueryBuilder('u').orderBy('lower(u.login)', 'ASC').offset(query.offset).limit(query.pageSize);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.branchId) {
      qb.andWhere('u.branch_id IN (SELECT fb.id FROM branches fb WHERE fb.path <@ (SELECT path FROM branches WHERE id = :branchId))', { branchId: query.branchId });
    }
    if (query.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    (query.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 10)
      .forEach((word, i) => qb.andWhere(`(u.login ILIKE :w${i} OR u.full_name ILIKE :w${i})`, { [`w${i}`]: `%${escapeLike(word)}%` }));
    const [users, total] = await qb.getManyAndCount();
    return { items: users.map(toUserView), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * An admin's change. Role and scope keep the rules of POST /users; a scope field the new role
   * does not take is dropped unless given. The last active admin cannot be demoted or deactivated.
   * A change of role, scope or `active` bumps the token version (database trigger): the user's
   * tokens are void on every API process at once.
   */
  async update(id: string, input: UpdateUserDto): Promise<UserView> {
    const { user, revokedVersion } = await this.users.manager.transaction(async (m) => {
      const current = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AppError.notFound('User');
      const role = input.role ?? current.role;
      const scope = await this.checkScope(m, {
        role,
        branchId: input.branchId !== undefined ? input.branchId : BRANCH_SCOPED_ROLES.includes(role) ? current.branchId : null,
        agencyId: input.agencyId !== undefined ? input.agencyId : role === 'agency_officer' ? current.agencyId : null,
      });
      const active = input.active ?? current.active;
      if (current.role === 'admin' && current.active && (role !== 'admin' || !active)) await this.keepAnAdmin(m, id, role !== 'admin' ? 'role' : 'active');
      // UPDATE answers [rows, count] through TypeORM's query().
      const [[row]]: [{ token_version: number }[], number] = await m.query(
        `UPDATE users SET full_name = $2, role = $3, branch_id = $4, agency_id = $5, active = $6 WHERE id = $1 RETURNING token_version`,
        [id, input.fullName ?? current.fullName, scope.role, scope.branchId, scope.agencyId, active],
      );
      const revoked = row.token_version !== current.tokenVersion ? row.token_version : null;
      const updated: User = { ...current, fullName: input.fullName ?? current.fullName, ...scope, active, tokenVersion: row.token_version };
      return { user: updated, revokedVersion: revoked };
    });
    if (revokedVersion !== null) await this.tokenVersions.revoke(id, revokedVersion);
    return toUserView(user);
  }

  /** Sets a new password (checked against the policy) and voids every token of the user. */
  async setPassword(id: string, password: string, field = 'password'): Promise<void> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('User');
    assertPasswordPolicy(field, password, user.login);
    const [rows]: [{ token_version: number }[], number] = await this.users.query(
      `UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING token_version`,
      [id, await this.hasher.hash(password)],
    );
    if (!rows.length) throw AppError.notFound('User');
    await this.tokenVersions.revoke(id, rows[0].token_version);
  }

  /** Refuses to leave no active admin (the active admins are locked, so two admins cannot demote each other at once). */
  private async keepAnAdmin(m: EntityManager, id: string, field: 'role' | 'active'): Promise<void> {
    const others: unknown[] = await m.query(`SELECT id FROM users WHERE role = 'admin' AND active AND id <> $1 FOR UPDATE`, [id]);
    if (!others.length) {
      const message = 'the last active administrator cannot be demoted or deactivated';
      throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message, code: 'users.last_admin' }]);
    }
  }

  /** Each role has exactly the scope API.md gives it: a branch subtree, an agency, or (admin) everything. */
  private async checkScope(m: EntityManager, input: Scope): Promise<Scope> {
    const { role, branchId, agencyId } = input;
    if (BRANCH_SCOPED_ROLES.includes(role)) {
      if (!branchId) throw AppError.validation('branchId', `is required for the role ${role}`);
      if (agencyId) throw AppError.validation('agencyId', `is not allowed for the role ${role}`);
      if (!(await m.existsBy(Branch, { id: branchId }))) throw AppError.validation('branchId', 'branch does not exist');
      return { role, branchId, agencyId: null };
    }
    if (role === 'agency_officer') {
      if (!agencyId) throw AppError.validation('agencyId', 'is required for the role agency_officer');
      if (branchId) throw AppError.validation('branchId', 'is not allowed for the role agency_officer');
      if (!(await m.existsBy(Agency, { id: agencyId }))) throw AppError.validation('agencyId', 'agency does not exist');
      return { role, branchId: null, agencyId };
    }
    if (branchId || agencyId) throw AppError.validation(branchId ? 'branchId' : 'agencyId', 'an admin has no scope');
    return { role, branchId: null, agencyId: null };
  }
}

/** `%` and `_` in a search word are matched literally. */
const escapeLike = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);

export function toUserView(u: User): UserView {
  return { id: u.id, login: u.login, fullName: u.fullName, role: u.role, branchId: u.branchId, agencyId: u.agencyId, active: u.active };
}
