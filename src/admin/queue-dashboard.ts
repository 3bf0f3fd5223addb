import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { Credentials } from '../auth/credentials';
import { TokenVersions } from '../auth/token-versions';
import { AccessTokenClaims, tokenVersionOf } from '../common/auth/access-token';
import { AppError } from '../common/errors/app-error';
import { ErrorBody } from '../common/errors/error-code';
import { QueueRegistry } from '../queue/queue-registry';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue, for administrators only. A script passes its bearer token; a
 * browser, which cannot, is asked for an admin's login and password (HTTP Basic, over TLS in
 * production), checked like a login: throttled per account, and any credentials that are not an
 * active admin's answer the same 401, so the dashboard never confirms a password.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: app.get(QueueRegistry).all().map((q) => new BullMQAdapter(q)), serverAdapter });
  const check = new DashboardAccess(app.get(JwtService), app.get(TokenVersions), app.get(Credentials));
  app.use(QUEUE_DASHBOARD_PATH, check.middleware, serverAdapter.getRouter());
}

class DashboardAccess {
  constructor(
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
    private readonly credentials: Credentials,
  ) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.isAdmin(req.headers.authorization ?? '').then(
      (admin) => {
        if (admin) return next();
        res.setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"');
        const body: ErrorBody = { statusCode: 401, code: 'UNAUTHORIZED', message: 'An administrator bearer token or login is required' };
        res.status(401).json(body);
      },
      (err: unknown) => {
        if (!(err instanceof AppError) || err.code !== 'RATE_LIMITED') return next(err);
        res.setHeader('Retry-After', String(err.hints.retryAfterSeconds ?? 60));
        const body: ErrorBody = { statusCode: 429, code: 'RATE_LIMITED', message: err.message };
        res.status(429).json(body);
      },
    );
  };

  /** Whether the credentials are a current admin's; throws RATE_LIMITED while the login is locked. */
  private async isAdmin(header: string): Promise<boolean> {
    const [scheme, value] = header.split(' ');
    if (scheme === 'Bearer' && value) {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(value).catch(() => undefined);
      return !!claims && claims.role === 'admin' && (await this.versions.isCurrent(claims.sub, tokenVersionOf(claims)));
    }
    if (scheme === 'Basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1 || colon > 100) return false;
      try {
        const user = await this.credentials.verify(decoded.slice(0, colon), decoded.slice(colon + 1));
        return user.role === 'admin';
      } catch (err) {
        if (err instanceof AppError && err.code === 'UNAUTHORIZED') return false;
        throw err;
      }
    }
    return false;
  }
}
