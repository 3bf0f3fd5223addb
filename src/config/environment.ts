import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IANAZone } from 'luxon';
import { DEFAULT_HASH_MEMORY_KIB, OWASP_ARGON2ID_MIN_KIB } from '../users/password-hash-cost';
import { passwordProblem } from '../users/password-policy';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
const DEV_DATABASE_URL = 'postgres://appeals:appeals@127.0.0.1:5432/appeals';

/** Every variable the service reads, with defaults that are safe for development only. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = DEV_DATABASE_URL;

  /** A streaming replica for reports and exports; unset = they read the primary. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /**
   * `host:port,host:port,...` of a Redis Cluster's nodes (some are enough: the rest are
   * discovered); unset = the single Redis of REDIS_URL. Credentials and TLS still come from REDIS_URL.
   */
  @IsOptional()
  @Matches(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, { message: 'REDIS_CLUSTER_NODES must be host:port,host:port,...' })
  REDIS_CLUSTER_NODES?: string;

  /**
   * Redis replicas that must hold the outbox's jobs before their rows count as relayed (Redis
   * WAIT); 1 when every master has a replica, so a failover loses no job. 0: no wait.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(5)
  REDIS_REPLICA_ACKS = 0;

  /** Prefix of every BullMQ key; tests give each suite its own. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_-]+$/)
  QUEUE_PREFIX = 'appeals';

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  @IsString()
  APP_TIMEZONE = 'Asia/Almaty';

  @IsString()
  @MinLength(3)
  BOOTSTRAP_ADMIN_LOGIN = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Portal submissions per minute per client address. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  PORTAL_RATE_LIMIT = 20;

  /**
   * Argon2id memory per password hash, in KiB (default 64 MiB, the library's). Production refuses
   * less than OWASP's 19 MiB floor; the test suites use 1 MiB.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(4_194_304)
  PASSWORD_HASH_MEMORY_KIB = DEFAULT_HASH_MEMORY_KIB;

  /** Login attempts per minute per client address (every account; the per-account lock is LoginThrottle's). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 30;

  /** Refused portal requests (4xx) per minute per client address; unset = 5 × PORTAL_RATE_LIMIT. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  PORTAL_REFUSED_RATE_LIMIT?: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** SMTP server for e-mail notifications (smtp://user:pass@host:587); unset = no e-mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  SMTP_FROM = 'no-reply@appeals.local';

  /** How often the worker compares open cases with the deadline jobs in Redis and recreates what is missing. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1000)
  DEADLINE_RECONCILE_EVERY_MS = 600_000;

  /** How long a worker's hold on a job lasts without renewal: a killed worker's jobs are retried after it. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(500)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** Statements registering appeals at once per API process; registrations arriving meanwhile share the next. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(16)
  INTAKE_BATCH_CONNECTIONS = 1;

  /** Most registrations in one statement. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  INTAKE_BATCH_SIZE = 100;

  /** Comma-separated proxy hops to trust for the client address (express "trust proxy"). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Built web application served at `/` (default: web/dist of the package); absent = API only. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export class EnvironmentError extends Error {}

/** Validates the environment once at boot; refuses development defaults in production. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (!IANAZone.isValidZone(env.APP_TIMEZONE)) problems.push(`APP_TIMEZONE "${env.APP_TIMEZONE}" is not an IANA zone`);
  if (env.NODE_ENV === 'production') {
    if (!source.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET must be set in production');
    if (!source.DATABASE_URL) problems.push('DATABASE_URL must be set in production');
    const weak = env.BOOTSTRAP_ADMIN_PASSWORD && passwordProblem(env.BOOTSTRAP_ADMIN_PASSWORD, env.BOOTSTRAP_ADMIN_LOGIN);
    if (weak) problems.push(`BOOTSTRAP_ADMIN_PASSWORD ${weak.message} (${weak.code})`);
    if (env.PASSWORD_HASH_MEMORY_KIB < OWASP_ARGON2ID_MIN_KIB) problems.push(`PASSWORD_HASH_MEMORY_KIB must be at least ${OWASP_ARGON2ID_MIN_KIB} in production`);
  }
  if (problems.length) throw new EnvironmentError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return env;
}
