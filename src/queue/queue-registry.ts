import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Environment } from '../config/environment';
import { QUEUES } from './queue-catalogue';
import { createQueue } from './queue-connection';
import { awaitReplicas } from './replica-ack';

/** How long a write waits for its Redis replicas before it is given up (and retried by its caller). */
const REPLICA_ACK_TIMEOUT_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** One producer connection per queue for the whole process, closed at shutdown. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly env: Environment) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = createQueue(this.env, name)));
    return queue;
  }

  /**
   * Resolves once REDIS_REPLICA_ACKS replicas hold what was written to this queue so far; call it
   * before recording in Postgres that jobs exist (replica-ack.ts). At once when the setting is 0.
   */
  replicated(queue: Queue): Promise<void> {
    return awaitReplicas(queue, this.env.REDIS_REPLICA_ACKS, REPLICA_ACK_TIMEOUT_MS);
  }

  all(): Queue[] {
    return Object.values(QUEUES).map((name) => this.get(name));
  }

  /**
   * Producers have nothing in flight at shutdown (every add is awaited by its caller), so the
   * connections are dropped rather than closed politely: `close()` sends QUIT, which a connection
   * waiting to reconnect to a Redis that went away cannot send, and would never settle; neither
   * would waiting for such a connection's "end", hence the bound.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => Promise.race([q.disconnect().catch(() => undefined), sleep(1000)])));
  }
}

@Global()
@Module({ providers: [QueueRegistry], exports: [QueueRegistry] })
export class QueueModule {}
