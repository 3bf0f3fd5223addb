import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A TCP port nobody listens on right now. */
export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, up: boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > until) throw new Error(`port ${port} not ${up ? 'open' : 'closed'} in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A private redis-server (no persistence) on `port`; never the shared one on 6379. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  await waitForPort(port, true);
  return child;
}

export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

/** `node dist/...` (built by scripts/test.sh) as a child process with the suite's environment. */
export function startNode(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', process.env.FAULT_CHILD_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
}

/**
 * A private PostgreSQL cluster in a temp dir on a spare port, run as the `postgres` OS user when
 * the tests run as root (initdb refuses root). Returns null when the server binaries are missing.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly asUser: string[],
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres | null> {
    const found = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' }).stdout.trim();
    if (!found) return null;
    const root = process.getuid?.() === 0;
    const dir = mkdtempSync(path.join(tmpdir(), 'pgfault-'));
    const asUser = root ? ['runuser', '-u', 'postgres', '--'] : [];
    if (root) spawnSync('chown', ['postgres', dir]);
    const pg = new PrivatePostgres(await sparePort(), dir, asUser, found);
    pg.run('initdb', ['-D', `${dir}/data`, '-U', 'appeals', '--auth=trust', '-E', 'UTF8']);
    await pg.start();
    return pg;
  }

  get url(): string {
    return `postgres://appeals@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const [cmd, ...pre] = this.asUser.length ? this.asUser : [path.join(this.bin, tool)];
    const argv = this.asUser.length ? [...pre, path.join(this.bin, tool), ...args] : args;
    const res = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${tool} failed: ${res.stderr}`);
  }

  /**
   * A streaming replica of this cluster on its own spare port: `pg_basebackup -R` (which writes
   * standby.signal and primary_conninfo), then started as a hot standby.
   */
  async replica(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'pgreplica-'));
    if (this.asUser.length) spawnSync('chown', ['postgres', dir]);
    const replica = new PrivatePostgres(await sparePort(), dir, this.asUser, this.bin);
    replica.run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'appeals', '-D', `${dir}/data`, '-R', '-X', 'stream', '-c', 'fast']);
    await replica.start();
    return replica;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', `${this.dir}/data`, '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', `${this.dir}/log`, '-w', 'start']);
    await waitForPort(this.port, true);
  }

  async stop(): Promise<void> {
    this.run('pg_ctl', ['-D', `${this.dir}/data`, '-m', 'fast', '-w', 'stop']);
    await waitForPort(this.port, false);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop();
    } catch {
      /* already stopped */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
