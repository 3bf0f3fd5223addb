import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/**
 * The database that reports and their exports read: a streaming replica when DATABASE_READ_URL
 * is set, else the primary itself. Only reads that show figures come here; anything that decides
 * or writes (intake, lifecycle, deadlines, the staff's working lists) stays on the primary, which
 * a replica lags behind (docs/scale-out.md).
 */
@Injectable()
export class ReportReads implements OnApplicationShutdown {
  private readonly replica?: DataSource;
  private connecting?: Promise<DataSource>;

  constructor(
    env: Environment,
    private readonly primary: DataSource,
  ) {
    if (env.DATABASE_READ_URL) {
      this.replica = new DataSource(
        dataSourceOptions(env.DATABASE_READ_URL, {
          migrations: [],
          // A standby is read-only: TypeORM must not try to create the extensions (the primary has them).
          installExtensions: false,
          // A small pool: a burst of reports must not crowd the replica; application_name shows them in pg_stat_activity.
          extra: { max: 10, connectionTimeoutMillis: 5000, statement_timeout: 60000, application_name: 'appeals-reports' },
        }),
      );
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<T = any>(sql: string, params?: unknown[]): Promise<T> {
    const ds = await this.source();
    return ds.query(sql, params) as Promise<T>;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  /**
   * Connects to the replica at first use, not at start: the API starts and serves everything
   * else while the replica is down, and a report then answers 500 until it is back (a failed
   * connection is tried again at the next report).
   */
  private source(): Promise<DataSource> {
    if (!this.replica) return Promise.resolve(this.primary);
    if (this.replica.isInitialized) return Promise.resolve(this.replica);
    this.connecting ??= this.replica.initialize().finally(() => (this.connecting = undefined));
    return this.connecting;
  }
}

@Global()
@Module({ providers: [ReportReads], exports: [ReportReads] })
export class ReportReadsModule {}
