import { Queue } from 'bullmq';
import { RedisClient } from '../redis/redis-connection';

/**
 * Too few replicas hold the writes yet (a master running without its replica after a failover):
 * nothing is wrong with the work itself, which is tried again shortly rather than counted as a failure.
 */
export class ReplicasBehindError extends Error {}

/**
 * Waits until `replicas` replicas of the master holding this queue have the writes made so far
 * (Redis WAIT). Redis replicates asynchronously: without this, jobs a master acknowledged and
 * died before passing on are gone after its replica takes over, while Postgres already believes
 * them relayed. Throws when too few replicas answered within `timeoutMs`, so the caller keeps
 * its rows for the next attempt.
 *
 * WAIT names no key; in a cluster it must reach the queue's master, so it rides in a pipeline
 * behind a key of the queue (a cluster pipeline goes, whole, to the node of its keys).
 */
export async function awaitReplicas(queue: Queue, replicas: number, timeoutMs: number): Promise<void> {
  if (replicas <= 0) return;
  const client = (await queue.client) as unknown as RedisClient;
  const results = (await client.pipeline().exists(queue.toKey('meta')).call('WAIT', String(replicas), String(timeoutMs)).exec()) ?? [];
  // The key's answer proves the pipeline ran on the queue's master; a WAIT answered by another
  // node (a stale slot map) counts that node's replicas, not the queue's.
  const [keyErr] = results[0] ?? [new Error('no answer to WAIT')];
  const [err, acked] = results[1] ?? [new Error('no answer to WAIT')];
  if (keyErr || err) throw keyErr ?? err;
  if (Number(acked) < replicas) throw new ReplicasBehindError(`only ${acked} of ${replicas} Redis replicas acknowledged the queue ${queue.name}`);
}

