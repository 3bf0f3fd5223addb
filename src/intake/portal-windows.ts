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

/** One client address's window of one kind: its accepted submissions or its refused requests. */
export interface WindowKey {
  kind: 'accepted' | 'refused';
  client: string;
}

/** What a request must pass: the client's refused window not full, and for a submission a place in its accepted window. */
export interface Admission {
  client: string;
  refusedLimit: number;
  /** Absent for a read: nothing is reserved. */
  acceptedLimit?: number;
}

/**
 * Sliding one-minute windows of events per client address. Reserve before the event, so
 * concurrent events cannot overshoot the limit; release the reservation when the event does not
 * count after all.
 */
export interface Windows {
  /** Refused requests first (a script guessing codes is stopped even on reads), then the submission's place. */
  admit(admission: Admission): Promise<WindowVerdict>;
  reserve(key: WindowKey, limit: number): Promise<WindowVerdict>;
  release(key: WindowKey, token: string): Promise<void>;
}

/** The timestamps of the last minute's events per key, in this process's memory. */
export class LocalWindows implements Windows {
  private readonly log = new Map<string, { at: number; token: string }[]>();

  async admit({ client, refusedLimit, acceptedLimit }: Admission): Promise<WindowVerdict> {
    const refusals = this.full(localKey({ kind: 'refused', client }), refusedLimit);
    if (!refusals.ok || acceptedLimit === undefined) return refusals;
    return this.reserve({ kind: 'accepted', client }, acceptedLimit);
  }

  async reserve(key: WindowKey, limit: number): Promise<WindowVerdict> {
    const k = localKey(key);
    const verdict = this.full(k, limit);
    if (!verdict.ok) return verdict;
    const entry = { at: Date.now(), token: randomUUID() };
    const entries = this.log.get(k);
    if (entries) entries.push(entry);
    else this.log.set(k, [entry]);
    return { ok: true, retryAfter: 0, token: entry.token };
  }

  async release(key: WindowKey, token: string): Promise<void> {
    const entries = this.log.get(localKey(key));
    const i = entries?.findIndex((e) => e.token === token) ?? -1;
    if (i >= 0) entries!.splice(i, 1);
  }

  sweep(): void {
    for (const key of [...this.log.keys()]) this.full(key, Number.MAX_SAFE_INTEGER);
  }

  /** Drops the entries older than the window; whether one more fits under `limit`. */
  private full(key: string, limit: number): WindowVerdict {
    const now = Date.now();
    const entries = this.log.get(key) ?? [];
    while (entries.length && entries[0].at <= now - WINDOW_MS) entries.shift();
    if (!entries.length) this.log.delete(key);
    if (entries.length < limit) return { ok: true, retryAfter: 0, token: '' };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((entries[0].at + WINDOW_MS - now) / 1000)), token: '' };
  }
}

const localKey = ({ kind, client }: WindowKey) => `${kind}:${client}`;

/**
 * One sorted set per window (score = time, member = a reservation's token). For each key in turn:
 * trim the window, count, and when there is room add that key's token (none: only check). The
 * first full window answers {0, its oldest score}; all passed answers {1, 0}. One script, so API
 * replicas share one limit and a submission costs one round trip; a client's keys share the hash
 * tag {client}, so it runs on a Redis Cluster as it is.
 * ARGV: now, window, then a limit and a token per key.
 */
const ADMIT = `
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  local limit, token = tonumber(ARGV[1 + 2 * i]), ARGV[2 + 2 * i]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return {0, tonumber(oldest[2])}
  end
  if token ~= '' then
    redis.call('ZADD', key, now, token)
    redis.call('PEXPIRE', key, window)
  end
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

  admit(admission: Admission): Promise<WindowVerdict> {
    const { client, refusedLimit, acceptedLimit } = admission;
    const checks = [{ key: { kind: 'refused', client } as WindowKey, limit: refusedLimit, token: '' }];
    if (acceptedLimit !== undefined) checks.push({ key: { kind: 'accepted', client }, limit: acceptedLimit, token: randomUUID() });
    return this.fallback.run(() => this.run(checks), () => this.local.admit(admission));
  }

  reserve(key: WindowKey, limit: number): Promise<WindowVerdict> {
    return this.fallback.run(() => this.run([{ key, limit, token: randomUUID() }]), () => this.local.reserve(key, limit));
  }

  async release(key: WindowKey, token: string): Promise<void> {
    await this.fallback.run(
      async () => void (await this.redis.zrem(this.keyOf(key), token)),
      () => this.local.release(key, token),
    );
  }

  /** The verdict's token is the last check's (the reservation a submission may give back). */
  private async run(checks: { key: WindowKey; limit: number; token: string }[]): Promise<WindowVerdict> {
    const now = Date.now();
    const keys = checks.map((c) => this.keyOf(c.key));
    const args = checks.flatMap((c) => [c.limit, c.token]);
    const [ok, oldest] = (await this.redis.eval(ADMIT, keys.length, ...keys, now, WINDOW_MS, ...args)) as [number, number];
    if (ok === 1) return { ok: true, retryAfter: 0, token: checks[checks.length - 1].token };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)), token: '' };
  }

  private keyOf({ kind, client }: WindowKey): string {
    return `${this.prefix}:portal-limit:${kind}:{${client}}`;
  }
}
