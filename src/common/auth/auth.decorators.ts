import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from './principal';
import { Role } from './role';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The endpoint needs no token (portal, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the endpoint; admin always may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The caller of a staff endpoint (the guard has already refused anonymous calls). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public endpoint');
  return principal;
});
