import { ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import { sparePort, stopProcess, waitForPort } from './processes';

/**
 * `redis-cli` asked without blocking the test's event loop: a synchronous child process stalls the
 * test's HTTP client too, whose idle keep-alive connections then outlive the server's timeout and
 * fail the next request with a reset.
 */
async function redisCli(port: number, ...args: string[]): Promise<string> {
  return (await promisify(execFile)('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }))).stdout;
}

/**
 * A Redis Cluster of the suite's own on spare ports: `masters` masters with one replica each
 * (none when `replicas` is 0), no persistence, in a temp dir. A short node timeout makes a killed
 * master fail over to its replica within seconds.
 */
export class PrivateRedisCluster {
  private readonly servers = new Map<number, ChildProcess>();

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
    private readonly nodeTimeoutMs: number,
  ) {}

  static async start(masters = 3, replicas = 1, nodeTimeoutMs = 3000): Promise<PrivateRedisCluster> {
    const ports: number[] = [];
    while (ports.length < masters * (1 + replicas)) {
      const port = await sparePort();
      // The cluster bus listens on port + 10000: both must be free.
      if (port < 55_000 && !ports.includes(port)) ports.push(port);
    }
    const cluster = new PrivateRedisCluster(ports, mkdtempSync(path.join(tmpdir(), 'rediscluster-')), nodeTimeoutMs);
    for (const port of ports) await cluster.startNode(port);
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', String(replicas), '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout} ${created.stderr}`);
    await cluster.waitUntilOk();
    return cluster;
  }

  /** REDIS_CLUSTER_NODES for the processes under test. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  client(): Cluster {
    return new Cluster(this.ports.map((port) => ({ host: '127.0.0.1', port })), { retryDelayOnClusterDown: 300 });
  }

  /** The port of the live master that serves `key` now, as a surviving node sees it (CLUSTER NODES). */
  async masterOf(key: string): Promise<number | undefined> {
    const port = this.alivePort();
    const slot = Number((await redisCli(port, 'cluster', 'keyslot', key)).trim());
    for (const line of (await redisCli(port, 'cluster', 'nodes')).trim().split('\n')) {
      const [, address, flags, , , , , , ...ranges] = line.split(' ');
      if (!flags.split(',').includes('master') || flags.includes('fail')) continue;
      const serves = ranges.some((r) => {
        const [from, to = from] = r.split('-').map(Number);
        return slot >= from && slot <= to;
      });
      if (serves) return Number(address.split('@')[0].split(':')[1]);
    }
    return undefined;
  }

  /** Kills one node at once, as a lost machine would. */
  async kill(port: number): Promise<void> {
    await stopProcess(this.servers.get(port), 'SIGKILL');
    this.servers.delete(port);
    await waitForPort(port, false);
  }

  /** Starts a killed node again from its nodes.conf: it rejoins, as a replica of whoever took its slots. */
  async restart(port: number): Promise<void> {
    await this.startNode(port);
  }

  /** Replicas connected to the master on `port` (INFO replication). */
  async replicasOf(port: number): Promise<number> {
    const info = await redisCli(port, 'info', 'replication');
    return Number(info.match(/connected_slaves:(\d+)/)?.[1] ?? 0);
  }

  /** Every slot served again (after a failover). */
  async waitUntilOk(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all([...this.servers.keys()].map(async (port) => (await redisCli(port, 'cluster', 'info')).match(/cluster_state:(\w+)/)?.[1]));
      if (states.every((s) => s === 'ok')) return;
      if (Date.now() > until) throw new Error(`cluster not ok in time: ${states.join(',')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    for (const port of [...this.servers.keys()]) await this.kill(port);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private alivePort(): number {
    return [...this.servers.keys()][0];
  }

  private async startNode(port: number): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', path.join(this.dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', String(this.nodeTimeoutMs), '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', this.dir,
      ],
      { stdio: 'ignore' },
    );
    this.servers.set(port, child);
    await waitForPort(port, true);
  }
}
