import type { MessageKey, MessageParams } from '../i18n/translate';
import { ERROR_STATUS, ErrorCode, ErrorDetail } from './error-code';

/** A catalogue message (src/common/i18n/catalogues) chosen by the throw site, with its arguments. */
export interface LocalisedMessage {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * A domain error with a contract code; the one exception filter turns it into the error body, in the
 * caller's language. `message` is the English text (answered as is in English when no `localised` key
 * is given; other languages get the code's generic message).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly localised?: LocalisedMessage,
    /** For RATE_LIMITED: how long the client should wait (sent as `Retry-After`). */
    readonly hints: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** A 400 naming `field`; `detailCode` (e.g. `not_exists`) lets every language say what is wrong. */
  static validation(field: string, message: string, detailCode?: string, params?: MessageParams): AppError {
    return new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message, code: detailCode, params }]);
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }
}
