import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Cluster } from 'ioredis';
import { Environment } from '../../config/environment';
import { RedisClient } from '../../redis/redis-connection';
import { RedisOrLocal } from '../../redis/redis-or-local';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

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
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private readonly fallback = new RedisOrLocal(new Logger(SharedThrottlerStorage.name), 'rate limits');

  constructor(
    private readonly env: Environment,
    redis: RedisClient,
  ) {
    // Two overloads, one per client type.
    this.shared = redis instanceof Cluster ? new ThrottlerStorageRedisService(redis) : new ThrottlerStorageRedisService(redis);
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    return this.fallback.run(
      () => this.shared.increment(`${this.env.QUEUE_PREFIX}:throttle:${key}`, ttl, limit, blockDuration, throttlerName),
      () => this.local.increment(key, ttl, limit, blockDuration, throttlerName),
    );
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
