import { Principal } from './principal';
import { Role } from './role';

/** What the access token carries: ids and role only, no personal data. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  branchId: string | null;
  agencyId: string | null;
}

export function claimsFor(user: { id: string; role: Role; branchId: string | null; agencyId: string | null }): AccessTokenClaims {
  return { sub: user.id, role: user.role, branchId: user.branchId, agencyId: user.agencyId };
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return { userId: claims.sub, role: claims.role, branchId: claims.branchId ?? null, agencyId: claims.agencyId ?? null };
}
