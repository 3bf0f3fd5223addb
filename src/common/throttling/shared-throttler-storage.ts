import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Cluster } from 'ioredis';
import { Environment } from '../../config/environment';
import { RedisClient } from '../../redis/redis-connection';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A hit counted in Redis must answer within this, or the process counts it alone. */
const REDIS_ANSWER_MS = 500;

/**
 * Where every @nestjs/throttler limit (the portal's, the login route's, any added later) keeps
 * its counters: in Redis, so that N API replicas allow the limit once between them, not N times.
 * Counting is @nest-lab/throttler-storage-redis (one Lua script per hit; its keys carry a hash
 * tag, so it runs on a Redis Cluster); keys are namespaced by QUEUE_PREFIX like every other key.
 *
 * When Redis does not answer, the hit is counted in this process's memory instead: the service
 * keeps taking appeals through a Redis outage (the outbox holds their jobs), each replica
 * enforcing the limit alone until Redis is back.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private lastWarning = 0;

  constructor(
    private readonly env: Environment,
    redis: RedisClient,
  ) {
    // Two overloads, one per client type.
    this.shared = redis instanceof Cluster ? new ThrottlerStorageRedisService(redis) : new ThrottlerStorageRedisService(redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.shared.increment(`${this.env.QUEUE_PREFIX}:throttle:${key}`, ttl, limit, blockDuration, throttlerName),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), REDIS_ANSWER_MS))),
      ]);
    } catch (err) {
      this.warn(err as Error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }

  /** Once a minute at most: an outage would otherwise log a line per request. */
  private warn(err: Error): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn({ err: err.message }, 'rate limits counted per process: Redis unavailable');
  }
}
