import type { MessageParams } from '../i18n/translate';

/** The contract's error codes (API.md "Conventions") and the HTTP status each maps to. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A problem with one field, as a throw site describes it. `message` is English (kept as it always was);
 * `code` is the stable detail code (`required`, `iin.checksum`, …) the answer carries and the catalogues
 * translate (`detail.<code>`), `params` fill its placeholders, and `key` picks a more specific catalogue
 * message. Without a code the detail answers `invalid`.
 */
export interface ErrorDetail {
  field: string;
  message: string;
  code?: string;
  params?: MessageParams;
  key?: string;
}

/** A detail as the answer carries it: in the caller's language. */
export interface ErrorBodyDetail {
  field: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorBodyDetail[];
  errorId?: string;
}
