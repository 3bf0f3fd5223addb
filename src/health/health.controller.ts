import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { QueueRegistry } from '../queue/queue-registry';
import { REDIS } from '../redis/redis.module';
import { masters, RedisClient } from '../redis/redis-connection';

type Check = { status: 'up' | 'down'; latencyMs?: number; error?: string };
type QueueDepth = Record<string, number>;

const TIMEOUT_MS = 2000;

/** The answer's shape for the OpenAPI document (the same body with 200 and 503). */
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    details: {
      type: 'object',
      description: 'One check per dependency: postgres, redis',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['up', 'down'] }, latencyMs: { type: 'integer' }, error: { type: 'string' } },
      },
    },
    queues: {
      type: 'object',
      description: 'Per queue: jobs waiting, delayed, active and failed (absent while Redis is down)',
      additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    },
  },
};

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly queues: QueueRegistry,
  ) {}

  /**
   * 200 when Postgres and Redis both answer, 503 otherwise, with each check's result and, while
   * Redis answers, the depth of each queue (jobs waiting, delayed, running, failed).
   */
  @Get()
  @ApiOkResponse({ description: 'Postgres and Redis answer', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'Postgres or Redis does not answer', schema: HEALTH_SCHEMA })
  async check(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ok' | 'error'; details: Record<string, Check>; queues?: Record<string, QueueDepth> }> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.ds.query('SELECT 1')),
      // Every master of a cluster: a master down (and not yet replaced by its replica) leaves its slots unserved.
      probe(() => Promise.all(masters(this.redis).map((node) => node.ping()))),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    const queues = redis.status === 'up' ? await this.queueDepths().catch(() => undefined) : undefined;
    return { status: ok ? 'ok' : 'error', details: { postgres, redis }, ...(queues && { queues }) };
  }

  private async queueDepths(): Promise<Record<string, QueueDepth>> {
    const entries = await Promise.all(
      this.queues.all().map(async (q) => [q.name, await q.getJobCounts('waiting', 'delayed', 'active', 'failed')] as const),
    );
    return Object.fromEntries(entries);
  }
}

async function probe(run: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', error: err instanceof Error ? err.message : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
