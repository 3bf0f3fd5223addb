import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';

/**
 * The branch whose subtree bounds the caller's writes: null for admin (everywhere); a role
 * without a branch (an agency officer) may act at no branch at all.
 */
export function branchScopeRoot(principal: Principal, field: string): string | null {
  if (principal.role === 'admin') return null;
  if (!principal.branchId) throw new AppError('FORBIDDEN', 'This role cannot act for a branch', [{ field, message: 'outside your scope', code: 'out_of_scope' }]);
  return principal.branchId;
}

export function outsideScope(field: string): AppError {
  return new AppError('FORBIDDEN', 'This branch is outside your scope', [{ field, message: 'outside your scope', code: 'out_of_scope' }]);
}

/**
 * The rows of a table a caller may see, as a SQL condition over its `branch_id` / `agency_id`
 * columns: admin sees everything, an agency officer the rows assigned to their agency, every
 * other role its branch and that branch's whole subtree (one GiST-indexed `<@` on the tree).
 */
export function scopeCondition(principal: Principal, alias: string): { sql: string; params: Record<string, unknown> } {
  if (principal.role === 'admin') return { sql: 'TRUE', params: {} };
  if (principal.role === 'agency_officer') {
    return { sql: `${alias}.agency_id = :scopeAgencyId`, params: { scopeAgencyId: principal.agencyId } };
  }
  return {
    sql: `${alias}.branch_id IN (SELECT sb.id FROM branches sb WHERE sb.path <@ (SELECT path FROM branches WHERE id = :scopeBranchId))`,
    params: { scopeBranchId: principal.branchId },
  };
}

/**
 * {@link scopeCondition} with the caller's subtree already resolved to its branch ids (see
 * ScopedAppeals.list): the same rows, but the planner sees which branches, so it estimates the
 * rows from each branch's statistics and picks a sorted index walk for a large scope instead of a
 * loop over the branches.
 */
export function scopeConditionForBranches(principal: Principal, alias: string, subtree: string[]): { sql: string; params: Record<string, unknown> } {
  if (principal.role === 'admin' || principal.role === 'agency_officer') return scopeCondition(principal, alias);
  return { sql: `${alias}.branch_id = ANY(:scopeBranchIds)`, params: { scopeBranchIds: subtree } };
}
