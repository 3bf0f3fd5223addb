import { timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Status } from '../appeals/appeal.enums';
import { AppError } from '../common/errors/app-error';

/** The case as the public portal may address it: by its number and tracking code, nothing more. */
export interface PortalCase {
  id: string;
  number: string;
  status: Status;
  branchId: string;
  agencyId: string | null;
}

/**
 * Finds the case a citizen names by number (any letter case) and tracking code; 404 when they do
 * not match, the same answer as for a number that does not exist. `lock` holds the row for a
 * change in the caller's transaction.
 */
export async function findPortalCase(m: EntityManager, number: string, trackingCode: string, lock = false): Promise<PortalCase> {
  const rows: (PortalCase & { trackingCode: string })[] = await m.query(
    `SELECT id, number, status, branch_id AS "branchId", agency_id AS "agencyId", tracking_code AS "trackingCode"
       FROM appeals WHERE upper(number) = upper($1) ${lock ? 'FOR UPDATE' : ''}`,
    [number],
  );
  return matchTrackingCode(rows, trackingCode);
}

/**
 * The one row (of those a number found) whose tracking code the citizen gave, without the code;
 * 404 when none matches, the same answer as for a number that does not exist.
 */
export function matchTrackingCode<T extends { trackingCode: string }>(rows: T[], trackingCode: string): Omit<T, 'trackingCode'> {
  const found = rows.find((r) => sameCode(r.trackingCode, trackingCode));
  if (!found) throw AppError.notFound('Appeal');
  const { trackingCode: _code, ...appeal } = found;
  return appeal;
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected.trim().toUpperCase());
  const b = Buffer.from(given.trim().toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
