import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ErrorDetail } from '../errors/error-code';
import { constraintDetail } from './constraint-codes';

/**
 * Checks class-validator cannot make: a body that is a JSON array instead of an object, and text
 * PostgreSQL cannot store as sent (NUL is refused with a 500 otherwise; a lone surrogate is
 * silently replaced), wherever it hides, bodies nested deeper than any input of the contract, and
 * keys named like Object.prototype's members, which the whitelist lets through (below).
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype !== Array) {
      throw AppError.validation('body', 'must be a JSON object', 'json_object');
    }
    if (metadata.type !== 'custom') {
      const bad = findBadValue(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (bad !== null) throw AppError.validation(bad.path || metadata.type, bad.message, bad.code, bad.params);
    }
    return super.transform(value, metadata);
  }
}

/** NUL, or half of a surrogate pair (it would be stored as U+FFFD, not as sent). */
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any input of the contract (a call's appeal's applicant is 3 levels); a 1 MB body can nest 500,000 deep. */
export const MAX_NESTING = 16;

/**
 * `__proto__`, `constructor`, `toString`, …: class-validator's whitelist looks a key up in a plain
 * object of the DTO's properties, where these are always "found" (inherited), so they passed where
 * any other unknown key is refused; JSON.parse makes `__proto__` an own key, too. No input of the
 * contract has such a field, so they are refused as unknown wherever they appear.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The dotted path of the first string PostgreSQL cannot store as sent ('' for the value itself),
 * or of the first value nested deeper than MAX_NESTING; null when there is none. Iterative, so a
 * deeply nested body cannot overflow the stack (it made a 500 before).
 */
function findBadValue(value: unknown, path: string): { path: string; message: string; code: string; params?: { max: number } } | null {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length) {
    const [item, at, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (BAD_TEXT.test(item)) return { path: at, message: 'must be valid Unicode text without NUL characters', code: 'invalid_text' };
    } else if (item && typeof item === 'object') {
      if (depth >= MAX_NESTING) return { path: at, message: `is nested deeper than ${MAX_NESTING} levels`, code: 'too_deep', params: { max: MAX_NESTING } };
      const entries = Object.entries(item);
      const named = entries.find(([key]) => PROTOTYPE_KEYS.has(key) && !Array.isArray(item));
      if (named) return { path: at ? `${at}.${named[0]}` : named[0], message: 'is not allowed', code: 'unknown_field' };
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push([child, at ? `${at}.${key}` : key, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * The global pipe: unknown fields are refused, types are checked, and every failure names its
 * field with a dotted path ("applicant.iin").
 */
export function createValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Kept for constraintDetail (the failed value decides "required", an IIN's problem; the target finds the
    // decorator's limits); the answer never carries either.
    validationError: { target: true, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return new AppError('VALIDATION_FAILED', summary || 'Validation failed', details);
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: stripProperty(message, error.property),
      ...constraintDetail(error, constraint),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator messages start with the bare property name; the field is given separately. */
function stripProperty(message: string, property: string): string {
  if (message.startsWith(`property ${property} `)) return 'is not allowed';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
