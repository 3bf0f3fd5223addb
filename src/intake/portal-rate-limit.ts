import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { Environment } from '../config/environment';
import { RedisClient } from '../redis/redis-connection';
import { REDIS } from '../redis/redis.module';
import { LocalWindows, SharedWindows, WINDOW_MS } from './portal-windows';

/**
 * The portal's limits per client address (API.md v1.1 "Portal"), counted in Redis so that API
 * replicas share them (portal-windows.ts; each process counts alone while Redis does not answer):
 * - accepted submissions (a POST answered 2xx) count towards PORTAL_RATE_LIMIT a minute. A
 *   submission reserves its place before it runs, so concurrent ones cannot overshoot, and gives it
 *   back when it is refused or fails;
 * - refused requests (any 4xx, a status lookup with a wrong code too) count towards their own,
 *   higher PORTAL_REFUSED_RATE_LIMIT (default 5 × PORTAL_RATE_LIMIT): a citizen correcting a form
 *   behind a shared address is not locked out, a script guessing tracking codes is;
 * - successful reads (the status page, the reference data) are not counted.
 */
@Injectable()
export class PortalRateLimit implements NestInterceptor, OnModuleDestroy {
  /** Read by the OpenAPI document: routes behind this interceptor may answer 429. */
  static readonly answersRateLimited = true;

  private readonly local = new LocalWindows();
  private readonly windows: SharedWindows;
  private readonly sweeper = setInterval(() => this.local.sweep(), WINDOW_MS).unref();

  constructor(
    private readonly env: Environment,
    @Inject(REDIS) redis: RedisClient,
  ) {
    this.windows = new SharedWindows(redis, env.QUEUE_PREFIX, this.local);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private get acceptedLimit(): number {
    return this.env.PORTAL_RATE_LIMIT;
  }

  private get refusedLimit(): number {
    return this.env.PORTAL_REFUSED_RATE_LIMIT ?? 5 * this.env.PORTAL_RATE_LIMIT;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const client = req.ip ?? 'unknown';
    const submission = req.method === 'POST';
    const admission = { client, refusedLimit: this.refusedLimit, acceptedLimit: submission ? this.acceptedLimit : undefined };

    return from(this.windows.admit(admission)).pipe(
      mergeMap((verdict) => {
        if (!verdict.ok) return this.limited(res, verdict.retryAfter);
        return next.handle().pipe(
          catchError((err: unknown) => {
            const status = statusOf(err);
            const counts = status !== undefined && status >= 400 && status < 500 && status !== 429;
            const settle = Promise.all([
              submission ? this.windows.release({ kind: 'accepted', client }, verdict.token) : undefined,
              counts ? this.windows.reserve({ kind: 'refused', client }, Number.MAX_SAFE_INTEGER) : undefined,
            ]);
            return from(settle).pipe(mergeMap(() => throwError(() => err)));
          }),
        );
      }),
    );
  }

  private limited(res: Response, retryAfter: number): Observable<never> {
    res.setHeader('Retry-After', String(retryAfter));
    return throwError(() => new ThrottlerException());
  }
}

/** The HTTP status an error will be answered with: AppError and HttpException both carry one. */
function statusOf(err: unknown): number | undefined {
  const e = err as { status?: unknown; getStatus?: () => number };
  if (typeof e?.getStatus === 'function') return e.getStatus();
  return typeof e?.status === 'number' ? e.status : undefined;
}
