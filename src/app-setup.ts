import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppLogger } from './common/logging/app-logger';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { localiseErrorBody, RawErrorBody } from './common/errors/localise-error';
import { DEFAULT_LOCALE, negotiateLocale } from './common/i18n';
import { Environment } from './config/environment';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { mountWebApp } from './web/web-app';

/** The e2e tests build the document from the compiled app under this name (test/support/openapi-document.js). */
export { buildOpenApiDocument as createOpenApiDocument };

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';
/** The historical import takes a CSV file as its body: a larger limit for that one route. */
export const IMPORT_BODY_LIMIT = '20mb';

/** Everything main.ts does to the app besides listening; the e2e tests use it too. */
export function configureApp(app: NestExpressApplication): void {
  const env = app.get(Environment);
  app.useLogger(app.get(AppLogger));
  if (env.TRUST_PROXY) app.set('trust proxy', parseTrustProxy(env.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(`/${API_PREFIX}/admin/imports/appeals`, express.text({ limit: IMPORT_BODY_LIMIT, type: ['text/csv'] }));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
  mountQueueDashboard(app);
  mountWebApp(app, env.WEB_DIST_DIR);
  app.setGlobalPrefix(API_PREFIX);
  answerClientErrors(app.getHttpServer());
  setUpSwagger(app);
}

function setUpSwagger(app: INestApplication): void {
  // Deep links: the document's description links each contract section (tag) as `#/<tag>`.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', swaggerOptions: { deepLinking: true } });
}

/** Malformed JSON is a 400 and an oversized body a 413, both in the contract's error body. */
function bodyParserErrors(err: { type?: string; status?: number } | undefined, req: Request, res: Response, next: NextFunction): void {
  if (!err) return next();
  let body: RawErrorBody;
  if (err.type === 'entity.too.large') {
    body = { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${BODY_LIMIT}` };
  } else if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    body = { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON' };
  } else if (err.status && err.status < 500) {
    body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The body is not valid JSON', details: [{ field: 'body', message: 'malformed JSON', code: 'malformed_json' }] };
  } else {
    return next(err);
  }
  res.status(body.statusCode).json(localiseErrorBody(body, negotiateLocale(req.headers['accept-language'])));
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers over 16 KB, broken
 * request lines, a client too slow to send its headers) get the contract's error body too;
 * Node's default answer has none.
 */
function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    let body: RawErrorBody;
    let reason: string;
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      body = { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' };
      reason = 'Request Header Fields Too Large';
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      body = { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' };
      reason = 'Request Timeout';
    } else {
      body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP', details: [{ field: 'request', message: 'malformed HTTP request', code: 'malformed_request' }] };
      reason = 'Bad Request';
    }
    // The request's headers were never parsed, so its Accept-Language is unknown: the default language.
    const json = JSON.stringify(localiseErrorBody(body, DEFAULT_LOCALE));
    socket.end(
      `HTTP/1.1 ${body.statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
