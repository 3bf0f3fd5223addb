import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { negotiateLocale } from '../i18n';
import { AppError } from './app-error';
import { ERROR_STATUS, ErrorCode } from './error-code';
import { fromDatabaseError } from './database-error';
import { localiseErrorBody, RawErrorBody } from './localise-error';
import type { RequestWithId } from '../logging/request-log.middleware';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'DUPLICATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** The one place where any error becomes the contract's error body, in the caller's language (Accept-Language). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Partial<RequestWithId> & { headers?: Record<string, string | string[] | undefined> }>();
    const raw = this.toBody(exception, request.id);
    if (response.headersSent) return;
    const locale = negotiateLocale(request.headers?.['accept-language']);
    const body = localiseErrorBody(raw, locale, exception instanceof AppError ? exception.localised : undefined);
    if (exception instanceof AppError && exception.hints.retryAfterSeconds) response.setHeader('Retry-After', String(exception.hints.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string | undefined): RawErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests; try again later' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status];
      if (code === 'VALIDATION_FAILED') {
        // Framework 400s (a path Express cannot percent-decode) name no field; the contract wants details.
        const message = httpMessage(exception);
        return { statusCode: status, code, message, details: [{ field: 'request', message, code: 'malformed_request' }] };
      }
      if (code) return { statusCode: status, code, message: httpMessage(exception) };
    }
    const fromDb = fromDatabaseError(exception);
    if (fromDb) {
      if (fromDb.code === 'UNAVAILABLE') this.logger.warn({ requestId, err: describe(exception) }, 'database unavailable');
      return { statusCode: ERROR_STATUS[fromDb.code], code: fromDb.code, message: fromDb.message, details: fromDb.details };
    }
    const errorId = randomUUID();
    // Only the error's class, message and stack: never request bodies (personal data).
    this.logger.error({ requestId, errorId, err: describe(exception) }, 'unhandled error');
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal error', errorId };
  }
}

function httpMessage(exception: HttpException): string {
  const res = exception.getResponse();
  if (typeof res === 'string') return res;
  const message = (res as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

function describe(exception: unknown): { type: string; message: string; stack?: string } {
  if (exception instanceof Error) return { type: exception.constructor.name, message: exception.message, stack: exception.stack };
  return { type: typeof exception, message: 'non-error thrown' };
}
