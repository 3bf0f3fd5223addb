// Every e2e suite runs in UTC with quiet logs; each gets its own database and queue prefix (test-app.ts).
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
process.env.JWT_SECRET = 'test-secret-at-least-16-chars';
process.env.BOOTSTRAP_ADMIN_LOGIN = 'admin';
process.env.BOOTSTRAP_ADMIN_PASSWORD = 'admin-password';
process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/0';
