import { Queue, WorkerOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { Environment } from '../config/environment';

/**
 * BullMQ connection options from REDIS_URL (the db index in the URL is honoured). Workers need
 * `maxRetriesPerRequest: null` so their blocking commands survive a Redis restart.
 */
export function bullConnection(env: Environment): RedisOptions {
  const url = new URL(env.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.slice(1) || 0),
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * A producer fails fast while Redis is away (no offline queue) instead of waiting with the
 * caller's database transaction open; the outbox keeps the work until Redis is back.
 */
export function createQueue(env: Environment, name: string): Queue {
  return new Queue(name, { connection: { ...bullConnection(env), enableOfflineQueue: false }, prefix: env.QUEUE_PREFIX });
}

/**
 * Options of every BullMQ worker of the process. A worker that dies (SIGKILL, a lost machine)
 * leaves its jobs locked; another worker takes them over once the lock has expired, which
 * QUEUE_LOCK_DURATION_MS bounds.
 */
export function workerOptions(env: Environment, concurrency: number): WorkerOptions {
  return {
    connection: bullConnection(env),
    prefix: env.QUEUE_PREFIX,
    concurrency,
    lockDuration: env.QUEUE_LOCK_DURATION_MS,
    stalledInterval: env.QUEUE_LOCK_DURATION_MS,
  };
}
