import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment';
import { createRedisClient, RedisClient } from './redis-connection';

export const REDIS = Symbol('REDIS');

/** Closes the shared connection when the app shuts down. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One ioredis connection for health checks and light commands. It does not queue commands
 * while Redis is away (enableOfflineQueue false), so a caller gets an error at once instead of
 * hanging; BullMQ keeps its own connections. A Redis Cluster when REDIS_CLUSTER_NODES is set
 * (redis-connection.ts): every user keeps a multi-key command's keys in one hash slot.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Environment],
      useFactory: (env: Environment) =>
        createRedisClient(env, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
