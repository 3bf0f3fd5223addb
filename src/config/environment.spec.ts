import { EnvironmentError, loadEnvironment } from './environment';

describe('environment: the bootstrap admin password', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-32-chars!', DATABASE_URL: 'postgres://u:p@db/appeals' };

  it('refuses a password that breaks the policy in production', () => {
    expect(() => loadEnvironment({ ...production, BOOTSTRAP_ADMIN_PASSWORD: 'admin-password' })).toThrow(EnvironmentError);
    expect(() => loadEnvironment({ ...production, BOOTSTRAP_ADMIN_PASSWORD: 'qwerty123456' })).toThrow(/common/);
  });

  it('accepts a compliant one in production, and any 8+ characters elsewhere (a warning at start-up)', () => {
    expect(loadEnvironment({ ...production, BOOTSTRAP_ADMIN_PASSWORD: 'Astana-Bootstrap-2026' }).BOOTSTRAP_ADMIN_PASSWORD).toBe('Astana-Bootstrap-2026');
    expect(loadEnvironment({ NODE_ENV: 'test', BOOTSTRAP_ADMIN_PASSWORD: 'admin-password' }).BOOTSTRAP_ADMIN_PASSWORD).toBe('admin-password');
  });
});

describe('environment: the password hash cost', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-32-chars!', DATABASE_URL: 'postgres://u:p@db/appeals' };

  it("is the library's 64 MiB unless set, and production refuses less than OWASP's 19 MiB", () => {
    expect(loadEnvironment(production).PASSWORD_HASH_MEMORY_KIB).toBe(65_536);
    expect(() => loadEnvironment({ ...production, PASSWORD_HASH_MEMORY_KIB: '1024' })).toThrow(/PASSWORD_HASH_MEMORY_KIB must be at least 19456/);
    expect(loadEnvironment({ ...production, PASSWORD_HASH_MEMORY_KIB: '19456' }).PASSWORD_HASH_MEMORY_KIB).toBe(19_456);
    expect(loadEnvironment({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' }).PASSWORD_HASH_MEMORY_KIB).toBe(1024);
    expect(() => loadEnvironment({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '512' })).toThrow(EnvironmentError);
  });
});
