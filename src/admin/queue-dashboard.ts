import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenClaims } from '../common/auth/access-token';
import { ErrorBody } from '../common/errors/error-code';
import { QueueRegistry } from '../queue/queue-registry';
import { verifyPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue, for administrators only. A script passes its bearer token; a
 * browser, which cannot, is asked for an admin's login and password (HTTP Basic, over TLS in
 * production).
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: app.get(QueueRegistry).all().map((q) => new BullMQAdapter(q)), serverAdapter });
  app.use(QUEUE_DASHBOARD_PATH, adminOnly(app.get(JwtService), app.get(UsersService)), serverAdapter.getRouter());
}

function adminOnly(jwt: JwtService, users: UsersService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    isAdmin(req.headers.authorization ?? '', jwt, users)
      .then((role) => {
        if (role === 'admin') return next();
        const body: ErrorBody =
          role === undefined
            ? { statusCode: 401, code: 'UNAUTHORIZED', message: 'An administrator bearer token or login is required' }
            : { statusCode: 403, code: 'FORBIDDEN', message: 'The queue dashboard is for administrators only' };
        if (role === undefined) res.setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"');
        res.status(body.statusCode).json(body);
      })
      .catch(next);
  };
}

/** The caller's role, or undefined when the credentials are missing or wrong. */
async function isAdmin(header: string, jwt: JwtService, users: UsersService): Promise<string | undefined> {
  const [scheme, value] = header.split(' ');
  if (scheme === 'Bearer' && value) {
    return jwt.verifyAsync<AccessTokenClaims>(value).then((c) => c.role, () => undefined);
  }
  if (scheme === 'Basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const user = await users.findForLogin(decoded.slice(0, colon));
    if (!user || !(await verifyPassword(user.passwordHash, decoded.slice(colon + 1)))) return undefined;
    return user.role;
  }
  return undefined;
}
