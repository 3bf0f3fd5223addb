import { Logger } from '@nestjs/common';

/** A count kept in Redis must answer within this, or the process counts alone. */
export const REDIS_ANSWER_MS = 500;

/**
 * Limits counted in Redis (shared by the API replicas) that fall back to this process's own count
 * when Redis does not answer in time: the service keeps taking appeals and logins through a Redis
 * outage, each replica enforcing the limit alone until Redis is back. Warns once a minute at most.
 */
export class RedisOrLocal {
  private lastWarning = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  async run<T>(inRedis: () => Promise<T>, inMemory: () => Promise<T> | T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        inRedis(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), REDIS_ANSWER_MS))),
      ]);
    } catch (err) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: (err as Error).message }, `${this.what} counted per process: Redis unavailable`);
      }
      return inMemory();
    } finally {
      clearTimeout(timer);
    }
  }
}
