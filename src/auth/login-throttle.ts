import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { REDIS } from '../redis/redis.module';
import { RedisClient } from '../redis/redis-connection';

/** Attempts for one login allowed within the window before it is locked. */
export const LOGIN_MAX_ATTEMPTS = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** The first lockout; each further one within LOCKOUT_MEMORY_MS lasts twice as long, up to LOCKOUT_MAX_MS. */
export const LOCKOUT_BASE_MS = 15 * 60_000;
export const LOCKOUT_MAX_MS = 24 * 60 * 60_000;
export const LOCKOUT_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Counts the attempt and answers the milliseconds the login stays locked (0: go ahead).
 * Attempts are counted before the password is checked, so a burst of parallel guesses gets no
 * more than LOGIN_MAX_ATTEMPTS checks; a successful login deletes the counters (succeeded()).
 * KEYS: attempts, lock, lockouts. ARGV: max attempts, window, base lockout, max lockout, memory.
 */
const BEGIN_ATTEMPT = `
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then return locked end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n <= tonumber(ARGV[1]) then return 0 end
local k = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
local ms = math.floor(math.min(tonumber(ARGV[3]) * 2 ^ (k - 1), tonumber(ARGV[4])))
redis.call('SET', KEYS[2], '1', 'PX', ms)
redis.call('DEL', KEYS[1])
return ms`;

/** Decrements the attempts counter if it still exists (a bare DECR would recreate it without expiry). */
const GIVE_BACK_ATTEMPT = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Per-account login throttling (API.md v1.1 "Accounts"), shared by every API replica through
 * Redis: after LOGIN_MAX_ATTEMPTS failed attempts for one login within LOGIN_WINDOW_MS, further
 * attempts answer 429 RATE_LIMITED with Retry-After, whatever the client address, for a lockout
 * that doubles each time. The per-address limit stays on the login route (@Throttle).
 *
 * Keys hold a hash of the lower-cased login, not the login. When Redis is unreachable the check is
 * skipped (logged): staff can still log in during an outage, and the per-address limit still holds.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    private readonly env: Environment,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** Counts an attempt for this login; throws 429 while it is locked. */
  async begin(login: string): Promise<void> {
    let lockedMs: number;
    try {
      lockedMs = Number(
        await this.redis.eval(BEGIN_ATTEMPT, 3, ...this.keys(login), LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MS, LOCKOUT_BASE_MS, LOCKOUT_MAX_MS, LOCKOUT_MEMORY_MS),
      );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'login throttle unavailable (Redis); only the per-address limit applies');
      return;
    }
    if (lockedMs > 0) {
      throw new AppError('RATE_LIMITED', 'Too many failed attempts for this login; try again later', undefined, undefined, { retryAfterSeconds: Math.ceil(lockedMs / 1000) });
    }
  }

  /** Gives back an attempt whose password could not be checked (the database failed). */
  async abandoned(login: string): Promise<void> {
    await this.redis.eval(GIVE_BACK_ATTEMPT, 1, this.keys(login)[0]).catch(() => undefined);
  }

  /** A successful login forgets the failures and the lockouts. */
  async succeeded(login: string): Promise<void> {
    await this.redis.del(...this.keys(login)).catch(() => undefined);
  }

  private keys(login: string): [string, string, string] {
    const id = createHash('sha256').update(login.toLowerCase()).digest('base64url').slice(0, 32);
    // The hash tag keeps a login's three keys in one slot: the scripts touch them together,
    // which a Redis Cluster allows only within a slot.
    const base = `${this.env.QUEUE_PREFIX}:login-throttle:{${id}}`;
    return [`${base}:attempts`, `${base}:lock`, `${base}:lockouts`];
  }
}
