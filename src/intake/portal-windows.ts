import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisClient } from '../redis/redis-connection';
import { RedisOrLocal } from '../redis/redis-or-local';

export const WINDOW_MS = 60_000;

/** The answer to "may one more event happen now?"; `retryAfter` in seconds when it may not. */
export interface WindowVerdict {
  ok: boolean;
  retryAfter: number;
  /** What to hand back to `release` when the event turns out not to count. */
  token: string;
}

/**
 * Sliding one-minute windows of events per key, e.g. the portal submissions of one client
 * address. Reserve before the event, so concurrent events cannot overshoot the limit; release
 * the reservation when the event does not count after all.
 */
export interface Windows {
  reserve(key: string, limit: number): Promise<WindowVerdict>;
  release(key: string, token: string): Promise<void>;
  /** Whether the window is already full (nothing is added). */
  full(key: string, limit: number): Promise<WindowVerdict>;
}

/** The timestamps of the last minute's events per key, in this process's memory. */
export class LocalWindows implements Windows {
  private readonly log = new Map<string, { at: number; token: string }[]>();

  async reserve(key: string, limit: number): Promise<WindowVerdict> {
    const verdict = await this.full(key, limit);
    if (!verdict.ok) return verdict;
    const entry = { at: Date.now(), token: randomUUID() };
    const entries = this.log.get(key);
    if (entries) entries.push(entry);
    else this.log.set(key, [entry]);
    return { ok: true, retryAfter: 0, token: entry.token };
  }

  async release(key: string, token: string): Promise<void> {
    const entries = this.log.get(key);
    const i = entries?.findIndex((e) => e.token === token) ?? -1;
    if (i >= 0) entries!.splice(i, 1);
  }

  async full(key: string, limit: number): Promise<WindowVerdict> {
    const now = Date.now();
    const entries = this.log.get(key) ?? [];
    while (entries.length && entries[0].at <= now - WINDOW_MS) entries.shift();
    if (!entries.length) this.log.delete(key);
    if (entries.length < limit) return { ok: true, retryAfter: 0, token: '' };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((entries[0].at + WINDOW_MS - now) / 1000)), token: '' };
  }

  sweep(): void {
    for (const key of [...this.log.keys()]) void this.full(key, Number.MAX_SAFE_INTEGER);
  }
}

/**
 * One sorted set per key (score = time, member = a reservation's token): trims the window, counts,
 * and adds when there is room, in one script, so API replicas share one limit. Single-key, so it
 * runs on a Redis Cluster as it is.
 */
const RESERVE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2])}
end
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {1, 0}`;

/**
 * The windows in Redis, shared by every API process; when Redis does not answer in time, this
 * process counts alone (LocalWindows) until it does, so the portal keeps taking appeals through a
 * Redis outage.
 */
export class SharedWindows implements Windows {
  private readonly fallback = new RedisOrLocal(new Logger('PortalRateLimit'), 'portal limits');

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    readonly local: LocalWindows,
  ) {}

  reserve(key: string, limit: number): Promise<WindowVerdict> {
    const token = randomUUID();
    return this.fallback.run(() => this.run(key, limit, token), () => this.local.reserve(key, limit));
  }

  full(key: string, limit: number): Promise<WindowVerdict> {
    return this.fallback.run(() => this.run(key, limit, ''), () => this.local.full(key, limit));
  }

  async release(key: string, token: string): Promise<void> {
    await this.fallback.run(
      async () => void (await this.redis.zrem(this.keyOf(key), token)),
      () => this.local.release(key, token),
    );
  }

  private async run(key: string, limit: number, token: string): Promise<WindowVerdict> {
    const now = Date.now();
    const [ok, oldest] = (await this.redis.eval(RESERVE, 1, this.keyOf(key), now, WINDOW_MS, limit, token)) as [number, number];
    if (ok === 1) return { ok: true, retryAfter: 0, token };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)), token: '' };
  }

  private keyOf(key: string): string {
    return `${this.prefix}:portal-limit:{${key}}`;
  }
}
