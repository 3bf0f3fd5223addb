// Every e2e suite runs in UTC with quiet logs; each gets its own database and queue prefix (test-app.ts).
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
process.env.JWT_SECRET = 'test-secret-at-least-16-chars';
process.env.BOOTSTRAP_ADMIN_LOGIN = 'admin';
process.env.BOOTSTRAP_ADMIN_PASSWORD = 'admin-password';
// 1 MiB argon2id instead of 64: the suites create and sign in hundreds of users (production refuses < 19 MiB).
process.env.PASSWORD_HASH_MEMORY_KIB = '1024';
process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/0';
