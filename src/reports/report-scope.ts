import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { ReportReads } from '../database/report-reads.module';

/** The branch whose subtree a report covers. */
export interface ReportRoot {
  id: string;
  path: string;
  code: string;
  name: string;
}

/**
 * Resolves `branchId` for a report: by default the root of the tree (admin) or the caller's own
 * branch; a branch outside the caller's subtree, like one that does not exist, answers 404 (an
 * object outside the scope is never revealed). Null when there is no branch at all.
 */
@Injectable()
export class ReportScope {
  constructor(private readonly ds: ReportReads) {}

  async root(principal: Principal, branchId: string | undefined): Promise<ReportRoot | null> {
    if (principal.role !== 'admin' && !principal.branchId) throw new AppError('FORBIDDEN', 'Reports need a branch scope');
    if (!branchId && principal.role === 'admin') {
      const [top] = await this.ds.query(`SELECT id, path::text AS path, code, name FROM branches WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1`);
      return top ?? null;
    }
    const [row] = await this.ds.query(
      `SELECT b.id, b.path::text AS path, b.code, b.name FROM branches b
        WHERE b.id = $1 AND ($2::uuid IS NULL OR b.path <@ (SELECT path FROM branches WHERE id = $2))`,
      [branchId ?? principal.branchId, principal.role === 'admin' ? null : principal.branchId],
    );
    if (!row) throw AppError.notFound('Branch');
    return row;
  }
}
