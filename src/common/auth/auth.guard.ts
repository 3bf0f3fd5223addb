import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { TokenVersions } from '../../auth/token-versions';
import { AppError } from '../errors/app-error';
import { AuthenticatedRequest, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { AccessTokenClaims, principalFromClaims, tokenVersionOf } from './access-token';
import { Role } from './role';

/**
 * Global guard: every endpoint needs a valid bearer token unless marked @Public(), and the
 * caller's role must be among the endpoint's @Roles() (admin passes every role check). A token
 * issued before its user was deactivated, changed role or scope, or changed password is refused
 * (TokenVersions: answered from memory, no database round trip on the hot path).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppError('UNAUTHORIZED', 'A bearer access token is required');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new AppError('UNAUTHORIZED', 'The access token is invalid or expired');
    }
    if (!(await this.versions.isCurrent(claims.sub, tokenVersionOf(claims)))) {
      throw new AppError('UNAUTHORIZED', 'The access token has been revoked; log in again');
    }
    request.principal = principalFromClaims(claims);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && request.principal.role !== 'admin' && !roles.includes(request.principal.role)) {
      throw new AppError('FORBIDDEN', `This action is not allowed for the role ${request.principal.role}`);
    }
    return true;
  }
}
