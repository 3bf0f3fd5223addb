import { Cluster } from 'ioredis';
import { loadEnvironment } from '../config/environment';
import { queuePrefix } from '../queue/queue-connection';
import { clusterNodes, createRedisClient, isCluster } from './redis-connection';

describe('redis connection', () => {
  const env = (vars: Record<string, string> = {}) => loadEnvironment({ QUEUE_PREFIX: 'appeals', ...vars });

  it('is a single Redis unless REDIS_CLUSTER_NODES is set (empty counts as unset)', () => {
    expect(isCluster(env())).toBe(false);
    expect(isCluster(env({ REDIS_CLUSTER_NODES: '' }))).toBe(false);
    expect(clusterNodes(env({ REDIS_CLUSTER_NODES: 'redis-1:6379, 10.0.0.2:7001' }))).toEqual([
      { host: 'redis-1', port: 6379 },
      { host: '10.0.0.2', port: 7001 },
    ]);
  });

  it('refuses a node list that is not host:port,...', () => {
    expect(() => env({ REDIS_CLUSTER_NODES: 'redis-1' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => env({ REDIS_CLUSTER_NODES: 'redis://redis-1:6379' })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it('hash-tags each queue on a cluster (one slot per queue) and keeps the plain prefix on a single Redis', () => {
    expect(queuePrefix(env(), 'deadlines')).toBe('appeals');
    expect(queuePrefix(env({ REDIS_CLUSTER_NODES: 'a:1' }), 'deadlines')).toBe('{appeals:deadlines}');
    expect(queuePrefix(env({ REDIS_CLUSTER_NODES: 'a:1' }), 'notifications')).toBe('{appeals:notifications}');
  });

  it('makes an ioredis Cluster with the credentials of REDIS_URL', () => {
    const client = createRedisClient(env({ REDIS_CLUSTER_NODES: '127.0.0.1:1', REDIS_URL: 'redis://user:s%40cret@ignored:6379/0' }), { lazyConnect: true });
    expect(client).toBeInstanceOf(Cluster);
    expect((client as Cluster).options.redisOptions).toMatchObject({ username: 'user', password: 's@cret' });
    client.disconnect();
  });
});
