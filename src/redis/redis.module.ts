import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Environment } from '../config/environment';

export const REDIS = Symbol('REDIS');

/** Closes the shared connection when the app shuts down. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One ioredis connection for health checks and light commands. It does not queue commands
 * while Redis is away (enableOfflineQueue false), so a caller gets an error at once instead of
 * hanging; BullMQ keeps its own connections.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Environment],
      useFactory: (env: Environment) =>
        new Redis(env.REDIS_URL, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
