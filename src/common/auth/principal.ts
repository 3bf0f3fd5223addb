import { Role } from './role';

/** The authenticated caller, as carried in the access token. */
export interface Principal {
  userId: string;
  role: Role;
  branchId: string | null;
  agencyId: string | null;
}
