import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { Environment } from '../config/environment';

const WINDOW_MS = 60_000;

/** Timestamps of the last minute's events per client address (a sliding window log). */
class WindowLog {
  private readonly log = new Map<string, number[]>();

  count(key: string, now: number): number {
    const entries = this.log.get(key);
    if (!entries) return 0;
    while (entries.length && entries[0] <= now - WINDOW_MS) entries.shift();
    if (!entries.length) this.log.delete(key);
    return entries.length;
  }

  add(key: string, at: number): void {
    const entries = this.log.get(key);
    if (entries) entries.push(at);
    else this.log.set(key, [at]);
  }

  /** Takes back one event (a reservation that turned out not to count). */
  remove(key: string, at: number): void {
    const entries = this.log.get(key);
    const i = entries?.lastIndexOf(at) ?? -1;
    if (i >= 0) entries!.splice(i, 1);
  }

  /** Seconds until the oldest event leaves the window. */
  retryAfter(key: string, now: number): number {
    const oldest = this.log.get(key)?.[0] ?? now;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  }

  sweep(now: number): void {
    for (const key of this.log.keys()) this.count(key, now);
  }
}

/**
 * The portal's limits per client address (API.md v1.1 "Portal"), per API process like the
 * throttler before it:
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

  private readonly accepted = new WindowLog();
  private readonly refused = new WindowLog();
  private readonly sweeper = setInterval(() => {
    const now = Date.now();
    this.accepted.sweep(now);
    this.refused.sweep(now);
  }, WINDOW_MS).unref();

  constructor(private readonly env: Environment) {}

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
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const submission = req.method === 'POST';

    if (this.refused.count(key, now) >= this.refusedLimit) return this.limited(res, this.refused.retryAfter(key, now));
    if (submission) {
      if (this.accepted.count(key, now) >= this.acceptedLimit) return this.limited(res, this.accepted.retryAfter(key, now));
      this.accepted.add(key, now);
    }
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (submission) this.accepted.remove(key, now);
        const status = statusOf(err);
        if (status !== undefined && status >= 400 && status < 500 && status !== 429) this.refused.add(key, Date.now());
        return throwError(() => err);
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
