import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { REDIS } from '../redis/redis.module';

type Check = { status: 'up' | 'down'; latencyMs?: number; error?: string };

const TIMEOUT_MS = 2000;

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 when Postgres and Redis both answer, 503 otherwise, with each check's result. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error'; details: Record<string, Check> }> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.ds.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', details: { postgres, redis } };
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
