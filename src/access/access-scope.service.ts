import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { branchScopeRoot, outsideScope } from './access-scope';

/** Checks that a branch named in a write lies inside the caller's scope. */
@Injectable()
export class AccessScope {
  constructor(private readonly ds: DataSource) {}

  /** Throws 403 when the caller may not act at this branch (an agency officer acts at none). */
  async assertBranch(principal: Principal, branchId: string, field = 'branchId', manager: EntityManager = this.ds.manager): Promise<void> {
    const root = branchScopeRoot(principal, field);
    if (root === null) return;
    const [row] = await manager.query(
      `SELECT b.path <@ (SELECT path FROM branches WHERE id = $2) AS inside FROM branches b WHERE b.id = $1`,
      [branchId, root],
    );
    if (!row) throw AppError.validation(field, 'branch does not exist', 'not_exists');
    if (!row.inside) throw outsideScope(field);
  }
}
