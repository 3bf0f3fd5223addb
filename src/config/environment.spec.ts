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
