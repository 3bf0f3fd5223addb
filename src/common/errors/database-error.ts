import { ErrorCode, ErrorDetail } from './error-code';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

export interface MappedError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/**
 * Turns the PostgreSQL errors a bad request can still provoke (a race on a unique key, a row
 * deleted meanwhile) into contract errors. Values from `detail` are never echoed: they can hold
 * personal data.
 */
export function fromDatabaseError(exception: unknown): MappedError | null {
  const err = ((exception as { driverError?: PgError })?.driverError ?? exception) as PgError | undefined;
  const code = err?.code;
  // pg-pool's "timeout exceeded when trying to connect" (every client busy) carries no code.
  if ((code && CONNECTION_ERRORS.has(code)) || /connection terminated|timeout exceeded when trying to connect/i.test(String((exception as Error)?.message))) {
    return { code: 'UNAVAILABLE', message: 'The database is unavailable; try again shortly' };
  }
  if (!code) return null;
  const field = fieldOf(err);
  switch (code) {
    case '23505':
      return { code: 'DUPLICATE', message: `${field ?? 'record'} already exists`, details: field ? [{ field, message: 'already exists', code: 'already_exists' }] : undefined };
    case '23503':
      return {
        code: 'VALIDATION_FAILED',
        message: `${field ?? 'reference'} does not exist or is still in use`,
        details: [{ field: field ?? 'id', message: 'refers to a record that does not exist or is still in use', code: 'not_exists' }],
      };
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return { code: 'VALIDATION_FAILED', message: 'A value is out of range', details: [{ field: field ?? 'body', message: 'invalid value', code: 'invalid' }] };
    default:
      return null;
  }
}

/** "Key (category_id)=(...)" → "categoryId". */
function fieldOf(err: PgError): string | undefined {
  const column = err.column ?? /Key \(([a-z_, ]+)\)/.exec(err.detail ?? '')?.[1]?.split(',')[0]?.trim();
  return column?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
