import { ConnectionOptions, Processor, Queue, Worker, WorkerOptions } from 'bullmq';
import { Environment } from '../config/environment';
import { createRedisClient, isCluster, redisOptions } from '../redis/redis-connection';

/**
 * The key prefix of one queue. On a single Redis every queue lives under QUEUE_PREFIX, as
 * always. In a Redis Cluster BullMQ's scripts touch several keys of a queue at once, which must
 * share a hash slot, so the prefix is a hash tag; one tag per queue (`{appeals:deadlines}`) rather
 * than one for all keeps each queue whole on one master while the queues spread over the masters.
 */
export function queuePrefix(env: Environment, queueName: string): string {
  return isCluster(env) ? `{${env.QUEUE_PREFIX}:${queueName}}` : env.QUEUE_PREFIX;
}

/**
 * BullMQ's connection: options for a single Redis (BullMQ connects, and its workers get
 * `maxRetriesPerRequest: null` so their blocking commands survive a Redis restart), or an ioredis
 * Cluster instance, which BullMQ takes as is and which its owner must close.
 */
function bullConnection(env: Environment, producer: boolean): ConnectionOptions {
  const fast = producer ? { enableOfflineQueue: false } : {};
  if (!isCluster(env)) return { ...redisOptions(env), maxRetriesPerRequest: null, ...fast };
  return createRedisClient(env, { maxRetriesPerRequest: null, ...fast });
}

/**
 * A producer fails fast while Redis is away (no offline queue) instead of waiting with the
 * caller's database transaction open; the outbox keeps the work until Redis is back.
 * `disconnect()` closes a cluster connection too.
 */
export function createQueue(env: Environment, name: string): Queue {
  return new Queue(name, { connection: bullConnection(env, true), prefix: queuePrefix(env, name) });
}

/**
 * A worker of one queue. A worker that dies (SIGKILL, a lost machine) leaves its jobs locked;
 * another worker takes them over once the lock has expired, which QUEUE_LOCK_DURATION_MS bounds.
 */
export function createWorker<T = unknown>(
  env: Environment,
  name: string,
  processor: Processor<T>,
  concurrency: number,
  extra: Pick<WorkerOptions, 'removeOnComplete' | 'removeOnFail'> = {},
): Worker<T> {
  const connection = bullConnection(env, false);
  const worker = new Worker<T>(name, processor, {
    connection,
    prefix: queuePrefix(env, name),
    concurrency,
    lockDuration: env.QUEUE_LOCK_DURATION_MS,
    stalledInterval: env.QUEUE_LOCK_DURATION_MS,
    ...extra,
  });
  // BullMQ does not close a connection it was given (a cluster); the worker owns it, so it goes with it.
  if (typeof (connection as { disconnect?: unknown }).disconnect === 'function') {
    worker.on('closed', () => (connection as { disconnect(): void }).disconnect());
  }
  return worker;
}
