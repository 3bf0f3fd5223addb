import { loadEnvironment } from '../config/environment';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('hashes with argon2id at the configured memory and verifies a hash made at another cost', async () => {
    const cheap = new PasswordHasher(loadEnvironment({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' }));
    const dear = new PasswordHasher(loadEnvironment({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '4096' }));
    const hash = await cheap.hash('Көктем-таңы-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,/);
    expect(await dear.verify(hash, 'Көктем-таңы-2026')).toBe(true);
    expect(await dear.verify(hash, 'Көктем-таңы-2027')).toBe(false);
    expect(await dear.verify('not a hash', 'x')).toBe(false);
    expect(await dear.decoyHash()).toMatch(/^\$argon2id\$v=19\$m=4096,/);
  });
});
