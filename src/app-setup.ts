import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppLogger } from './common/logging/app-logger';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { ErrorBody } from './common/errors/error-code';
import { Environment } from './config/environment';

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
  app.setGlobalPrefix(API_PREFIX);
  answerClientErrors(app.getHttpServer());
  setUpSwagger(app);
}

function setUpSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The OpenAPI document of the app's routes (after the global prefix is set). Exported for the e2e
 * tests, which build it from the compiled app: only `nest build` runs the swagger compiler plugin.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Citizens’ appeals and public receptions')
    .setDescription('Intake from the portal, the call centre and receptions; routing to agencies; statutory deadlines; reports. See API.md.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Malformed JSON is a 400 and an oversized body a 413, both in the contract's error body. */
function bodyParserErrors(err: { type?: string; status?: number } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (!err) return next();
  let body: ErrorBody;
  if (err.type === 'entity.too.large') {
    body = { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${BODY_LIMIT}` };
  } else if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    body = { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON' };
  } else if (err.status && err.status < 500) {
    body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The body is not valid JSON', details: [{ field: 'body', message: 'malformed JSON' }] };
  } else {
    return next(err);
  }
  res.status(body.statusCode).json(body);
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
    let body: ErrorBody;
    let reason: string;
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      body = { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' };
      reason = 'Request Header Fields Too Large';
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      body = { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' };
      reason = 'Request Timeout';
    } else {
      body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP', details: [{ field: 'request', message: 'malformed HTTP request' }] };
      reason = 'Bad Request';
    }
    const json = JSON.stringify(body);
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
