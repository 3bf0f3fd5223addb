import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ErrorDetail } from '../errors/error-code';

/**
 * Checks class-validator cannot make: a body that is a JSON array instead of an object, and text
 * PostgreSQL cannot store as sent (NUL is refused with a 500 otherwise; a lone surrogate is
 * silently replaced), wherever it hides, and bodies nested deeper than any input of the contract.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype !== Array) {
      throw AppError.validation('body', 'must be a JSON object');
    }
    if (metadata.type !== 'custom') {
      const bad = findBadValue(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (bad !== null) throw AppError.validation(bad.path || metadata.type, bad.message);
    }
    return super.transform(value, metadata);
  }
}

/** NUL, or half of a surrogate pair (it would be stored as U+FFFD, not as sent). */
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any input of the contract (a call's appeal's applicant is 3 levels); a 1 MB body can nest 500,000 deep. */
export const MAX_NESTING = 16;

/**
 * The dotted path of the first string PostgreSQL cannot store as sent ('' for the value itself),
 * or of the first value nested deeper than MAX_NESTING; null when there is none. Iterative, so a
 * deeply nested body cannot overflow the stack (it made a 500 before).
 */
function findBadValue(value: unknown, path: string): { path: string; message: string } | null {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length) {
    const [item, at, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (BAD_TEXT.test(item)) return { path: at, message: 'must be valid Unicode text without NUL characters' };
    } else if (item && typeof item === 'object') {
      if (depth >= MAX_NESTING) return { path: at, message: `is nested deeper than ${MAX_NESTING} levels` };
      const entries = Object.entries(item);
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
    validationError: { target: false, value: false },
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
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: stripProperty(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator messages start with the bare property name; the field is given separately. */
function stripProperty(message: string, property: string): string {
  if (message.startsWith(`property ${property} `)) return 'is not allowed';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
