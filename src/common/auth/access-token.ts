import { Principal } from './principal';
import { Role } from './role';

/** What the access token carries: ids and role only, no personal data. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  branchId: string | null;
  agencyId: string | null;
  /**
   * The user's token version when the token was issued; a token whose version is not the user's
   * current one is revoked (src/auth/token-versions.ts). Tokens from before versions had none: 0.
   */
  ver?: number;
}

export function claimsFor(user: { id: string; role: Role; branchId: string | null; agencyId: string | null; tokenVersion: number }): AccessTokenClaims {
  return { sub: user.id, role: user.role, branchId: user.branchId, agencyId: user.agencyId, ver: user.tokenVersion };
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return { userId: claims.sub, role: claims.role, branchId: claims.branchId ?? null, agencyId: claims.agencyId ?? null };
}

/** The token version a verified token vouches for. */
export const tokenVersionOf = (claims: AccessTokenClaims): number => (typeof claims.ver === 'number' ? claims.ver : 0);
