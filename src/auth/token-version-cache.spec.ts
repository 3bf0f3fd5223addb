import { DELETED, TokenVersionCache } from './token-version-cache';

describe('TokenVersionCache', () => {
  let now = 0;
  const cache = () => new TokenVersionCache(60_000, () => now);
  beforeEach(() => (now = 1_000_000));

  it('never lowers a version: a database read older than a revocation does not undo it', () => {
    const c = cache();
    const epoch = c.epoch;
    c.revoked('u', 3); // the message arrives while the read of version 2 is in flight
    c.loaded('u', 2, epoch);
    expect(c.get('u')).toBe(3);
  });

  it('forgets entries older than the maximum age', () => {
    const c = cache();
    c.loaded('u', 1, c.epoch);
    now += 60_000;
    expect(c.get('u')).toBe(1);
    now += 1;
    expect(c.get('u')).toBeUndefined();
  });

  it('drops a read begun before clear() (messages may have been missed meanwhile)', () => {
    const c = cache();
    const epoch = c.epoch;
    c.clear();
    c.loaded('u', 1, epoch);
    expect(c.get('u')).toBeUndefined();
    c.loaded('u', 1, c.epoch);
    expect(c.get('u')).toBe(1);
  });

  it('keeps a deleted user deleted', () => {
    const c = cache();
    c.revoked('u', DELETED);
    c.loaded('u', 5, c.epoch);
    expect(c.get('u')).toBe(DELETED);
  });
});
