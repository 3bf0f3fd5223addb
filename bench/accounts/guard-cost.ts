/**
 * The revocation check's CPU cost per request, in one process, no network: the real AuthGuard
 * (JWT verify + token version check) against the same guard's JWT verify alone, on one token.
 * `npx ts-node --transpile-only bench/accounts/guard-cost.ts [iterations] [checkout of main]`: with a
 * checkout of the code before revocation (e.g. `git archive <commit> | tar -x -C /tmp/main`), its
 * AuthGuard is measured too, on the same token, alternating with this one.
 *
 * The version check is answered from TokenVersions' in-memory cache (warm and subscribed, as on
 * the hot path); it needs Redis for its subscription (REDIS_URL, default local) and never reaches
 * the database here, which is the point: a cache hit is all a request pays.
 */
import 'reflect-metadata';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { createSecretKey, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenVersions } from '../../src/auth/token-versions';
import { AccessTokenClaims } from '../../src/common/auth/access-token';
import { AuthGuard } from '../../src/common/auth/auth.guard';
import { loadEnvironment } from '../../src/config/environment';

const ITERATIONS = Number(process.argv[2] ?? 200_000);
const ROUNDS = 5;

async function main(): Promise<void> {
  const env = loadEnvironment({ ...process.env, NODE_ENV: 'development', QUEUE_PREFIX: `bench_guard_${process.pid}` });
  const redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise((r) => redis.once('ready', r));
  const secret = createSecretKey(Buffer.from('bench-secret-at-least-16-chars', 'utf8')) as unknown as string;
  const jwt = new JwtService({ secret, signOptions: { expiresIn: '12h', algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  // Never queried while the cache is warm; a query would throw, which would show.
  const noDatabase = new Proxy({}, { get: () => { throw new Error('database reached'); } }) as DataSource;
  const versions = new TokenVersions(env, noDatabase, redis);
  versions.onApplicationBootstrap();
  const internals = versions as unknown as { live: boolean };
  while (!internals.live) await new Promise((r) => setTimeout(r, 10));

  const userId = randomUUID();
  await versions.revoke(userId, 3);
  const token = await jwt.signAsync({ sub: userId, role: 'operator', branchId: randomUUID(), agencyId: null, ver: 3 } satisfies AccessTokenClaims);
  const request = { headers: { authorization: `Bearer ${token}` } };
  const context = { getHandler: () => main, getClass: () => Object, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  const guard = new AuthGuard(new Reflector(), jwt, versions);

  const variants: Record<string, () => Promise<unknown>> = {
    'JWT verify only': () => jwt.verifyAsync(token),
    'JWT verify + version check (AuthGuard)': () => guard.canActivate(context),
    'version check alone': async () => versions.isCurrent(userId, 3),
  };
  if (process.argv[3]) {
    const before = require(`${process.argv[3]}/src/common/auth/auth.guard`) as { AuthGuard: new (r: Reflector, j: JwtService) => AuthGuard };
    const oldGuard = new before.AuthGuard(new Reflector(), jwt);
    variants['AuthGuard before revocation (main)'] = () => oldGuard.canActivate(context);
  }
  const results: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(variants)) {
      // A cached version is trusted for TOKEN_VERSION_MAX_AGE_MS (then read again: one query a minute per user and process).
      await versions.revoke(userId, 3);
      const start = process.hrtime.bigint();
      for (let i = 0; i < ITERATIONS; i++) await run();
      (results[name] ??= []).push(Number(process.hrtime.bigint() - start) / ITERATIONS);
    }
  }
  console.log(`node ${process.version}, ${ITERATIONS} calls × ${ROUNDS} rounds, ns per call (median of rounds):`);
  for (const [name, ns] of Object.entries(results)) {
    const sorted = [...ns].sort((a, b) => a - b);
    console.log(`  ${name.padEnd(42)} ${sorted[Math.floor(ROUNDS / 2)].toFixed(0).padStart(7)}   (rounds: ${ns.map((n) => n.toFixed(0)).join(', ')})`);
  }
  await versions.onApplicationShutdown();
  await redis.quit();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
