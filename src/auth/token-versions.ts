import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { REDIS } from '../redis/redis.module';
import { createRedisClient, RedisClient } from '../redis/redis-connection';
import { DELETED, TokenVersionCache } from './token-version-cache';

/**
 * How long a cached version is trusted without hearing from Redis: the longest a revocation can
 * go unnoticed by another process if its message is lost while that process stays subscribed
 * (e.g. the publisher could not reach Redis), or a user row is deleted by hand.
 */
export const TOKEN_VERSION_MAX_AGE_MS = 60_000;

/**
 * Token revocation without a database round trip per request. Every access token carries the
 * user's `token_version` (claim `ver`); the database bumps it when the role, scope, password or
 * `active` changes (migration 1763700000010). Each API process keeps the versions it has seen in
 * memory and learns of bumps from every other process through Redis pub/sub, so a revoked token
 * answers 401 at once everywhere.
 *
 * When this process is not subscribed (Redis down, reconnecting), messages may be missed: the
 * cache is cleared and every check reads the database until the subscription is back, so a missed
 * revocation is never trusted away; the price is one query per request during a Redis outage.
 */
@Injectable()
export class TokenVersions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenVersions.name);
  private readonly cache = new TokenVersionCache(TOKEN_VERSION_MAX_AGE_MS);
  private readonly channel: string;
  private subscriber?: RedisClient;
  private resubscribeTimer?: NodeJS.Timeout;
  /** Subscribed since the cache was last cleared: cached versions can be trusted. */
  private live = false;

  constructor(
    private readonly env: Environment,
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {
    this.channel = `${env.QUEUE_PREFIX}:token-revocations`;
  }

  onApplicationBootstrap(): void {
    // Its own connection: a subscribed connection can do nothing else. Resubscribed by hand on
    // every (re)connection, so the moment the subscription is back is known.
    const sub = createRedisClient(this.env, { autoResubscribe: false, maxRetriesPerRequest: null, connectTimeout: 2000 });
    this.subscriber = sub;
    sub.on('ready', () => this.subscribe());
    sub.on('close', () => this.goBlind());
    sub.on('error', () => undefined); // 'close' follows; ioredis reconnects by itself
    // In a cluster PUBLISH reaches every node and the subscription sits on one of them; when that
    // node fails, ioredis moves it to another, and messages published in between are lost: blind
    // until subscribed again.
    sub.on('-node', () => {
      this.goBlind();
      this.subscribe();
    });
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      // "<userId> <version>"; a deleted user's version is Infinity (DELETED), which Number() reads back.
      const [userId, version] = message.split(' ');
      const v = Number(version);
      if (userId && !Number.isNaN(v)) this.cache.revoked(userId, v);
    });
  }

  /** Subscribes and goes live; retried every second while it fails (a cluster mid-failover). */
  private subscribe(): void {
    const sub = this.subscriber;
    if (!sub) return;
    clearTimeout(this.resubscribeTimer);
    sub.subscribe(this.channel).then(
      () => this.goLive(),
      (err: Error) => {
        this.logger.warn({ err: err.message }, 'token revocation subscription failed');
        if (this.subscriber === sub && sub.status !== 'end') this.resubscribeTimer = setTimeout(() => this.subscribe(), 1000).unref();
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.live = false;
    clearTimeout(this.resubscribeTimer);
    const sub = this.subscriber;
    this.subscriber = undefined;
    await sub?.quit().catch(() => sub?.disconnect());
  }

  /**
   * Whether a token of this user with this version is still good. Answered from memory while
   * subscribed (the hot path: no I/O); otherwise from the database.
   */
  isCurrent(userId: string, version: number): boolean | Promise<boolean> {
    if (this.live) {
      const known = this.cache.get(userId);
      if (known !== undefined) return known === version;
    }
    return this.load(userId).then((current) => current === version);
  }

  /**
   * Tells every API process (this one at once) that the user's tokens before `version` are void.
   * Call after the change is committed. A failed publish is logged, not thrown: the change stands,
   * processes that lost Redis too read the database, and TOKEN_VERSION_MAX_AGE_MS bounds the rest.
   */
  async revoke(userId: string, version: number): Promise<void> {
    this.cache.revoked(userId, version);
    try {
      await this.redis.publish(this.channel, `${userId} ${version}`);
    } catch (err) {
      this.logger.warn({ userId, err: (err as Error).message }, 'token revocation not published; other processes catch up within the cache age');
    }
  }

  private async load(userId: string): Promise<number> {
    const epoch = this.cache.epoch;
    const rows: { token_version: number }[] = await this.ds.query(`SELECT token_version FROM users WHERE id = $1`, [userId]);
    const version = rows.length ? rows[0].token_version : DELETED;
    if (this.live) this.cache.loaded(userId, version, epoch);
    return version;
  }

  private goLive(): void {
    this.cache.clear();
    this.live = true;
  }

  private goBlind(): void {
    if (this.live) this.logger.warn('token revocation channel lost: checking tokens against the database until it is back');
    this.live = false;
    this.cache.clear();
  }
}
