import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { Environment } from '../../config/environment';

/**
 * Paths that can carry personal data or secrets. Bodies are never logged; these catch anything
 * a developer passes to the logger by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.iin',
  '*.phone',
  '*.callerPhone',
  '*.email',
  '*.address',
  '*.fullName',
  '*.text',
  '*.answerText',
  '*.applicant',
  '*.visitor',
  '*.trackingCode',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Structured JSON logs with a request id (taken from X-Request-Id when sane, else new). */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [Environment],
  useFactory: (env: Environment) => ({
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // The query string can hold a tracking code or filters naming people: log the path only.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
    // Every route, in the path syntax of Express 5 (the default '*' draws a deprecation warning at start).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  }),
});
