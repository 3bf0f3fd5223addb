import { ERROR_STATUS, ErrorCode, ErrorDetail } from './error-code';

/** A domain error with a contract code; the one exception filter turns it into the error body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** For RATE_LIMITED: how long the client should wait (sent as `Retry-After`). */
    readonly hints: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }
}
