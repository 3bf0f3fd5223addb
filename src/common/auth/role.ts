export const ROLES = ['admin', 'operator', 'reception', 'controller', 'agency_officer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose scope is a branch and its whole subtree (API.md "Auth and users"). */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['operator', 'reception', 'controller', 'analyst'];

/** Every staff role; reference data is readable by all of them. */
export const STAFF_ROLES: readonly Role[] = ROLES;
