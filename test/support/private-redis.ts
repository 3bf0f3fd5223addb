import { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { sparePort, startRedis, stopProcess, waitForPort } from './processes';

/**
 * A redis-server of the suite's own on a spare port, for tests that stop Redis or flush it:
 * the shared server on 6379 is never touched. Stopped and started again on the same port.
 */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await sparePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** Starts (again) on the same port; a no-op while it runs. */
  async start(): Promise<void> {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) return;
    this.process = await startRedis(this.port);
  }

  /** Kills the server at once, as a crash would. */
  async stop(): Promise<void> {
    await stopProcess(this.process, 'SIGKILL');
    await waitForPort(this.port, false);
  }

  /** A client for the test's own checks. */
  client(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: 1 });
  }
}
