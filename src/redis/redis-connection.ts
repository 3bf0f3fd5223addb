import Redis, { Cluster, ClusterNode, RedisOptions } from 'ioredis';
import { Environment } from '../config/environment';

/** A single Redis or a Redis Cluster: both speak the commands this service sends. */
export type RedisClient = Redis | Cluster;

/** The nodes of REDIS_CLUSTER_NODES (`host:port,host:port`), or none when Redis is a single server. */
export function clusterNodes(env: Environment): ClusterNode[] {
  if (!env.REDIS_CLUSTER_NODES) return [];
  return env.REDIS_CLUSTER_NODES.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hostPort) => {
      const i = hostPort.lastIndexOf(':');
      return { host: hostPort.slice(0, i), port: Number(hostPort.slice(i + 1)) };
    });
}

export function isCluster(env: Environment): boolean {
  return clusterNodes(env).length > 0;
}

/**
 * Connection options of REDIS_URL: address, credentials, TLS and db index. In a cluster the
 * address comes from REDIS_CLUSTER_NODES and the db index is always 0; the credentials and TLS of
 * REDIS_URL apply to every node.
 */
export function redisOptions(env: Environment): RedisOptions {
  const url = new URL(env.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.slice(1) || 0),
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * The one place a Redis connection is made. With REDIS_CLUSTER_NODES set it is an ioredis
 * Cluster (it follows slot moves and failovers by itself); otherwise a single connection to
 * REDIS_URL. `enableOfflineQueue: false` is honoured by both: commands fail at once while Redis
 * is away instead of piling up.
 */
export function createRedisClient(env: Environment, options: RedisOptions = {}): RedisClient {
  const nodes = clusterNodes(env);
  if (!nodes.length) return new Redis({ ...redisOptions(env), ...options });
  const { host: _host, port: _port, db: _db, ...perNode } = redisOptions(env);
  const { enableOfflineQueue, lazyConnect, ...rest } = options;
  return new Cluster(nodes, {
    enableOfflineQueue: enableOfflineQueue ?? true,
    lazyConnect: lazyConnect ?? false,
    // A failed-over master's slots move to its replica within the cluster's node timeout;
    // commands meanwhile wait and retry rather than fail.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    slotsRefreshTimeout: 2000,
    redisOptions: { ...perNode, ...rest },
  });
}

/** The masters to ask when a command must reach every node (SCAN, health). */
export function masters(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}
