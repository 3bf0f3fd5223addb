import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger as Pino } from 'pino';
import { ROOT_LOGGER } from './root-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type RequestWithId = Request & { id: string };

/**
 * Gives every request an id (X-Request-Id when the client sent a sane one, else new), returns it
 * in the response header and logs one line when the response is done: method, path (never the
 * query string, which can hold a tracking code or names), status, time. 5xx log as error, 4xx as
 * warn, the rest as info.
 *
 * In place of pino-http with nestjs-pino, which make a child logger per request and carry it in
 * AsyncLocalStorage: that cost a fifth of the API's CPU per appeal registered (docs/benchmarks.md).
 * Logs written while handling a request do not carry its id; the error filter adds it to its own.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  constructor(@Inject(ROOT_LOGGER) private readonly pino: Pino) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    (req as RequestWithId).id = id;
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    res.once('close', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!this.pino.isLevelEnabled(level)) return;
      this.pino[level](
        {
          req: { id, method: req.method, path: req.originalUrl.split('?')[0] },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  }
}
