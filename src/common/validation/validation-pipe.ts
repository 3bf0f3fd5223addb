import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ErrorDetail } from '../errors/error-code';

/**
 * Checks class-validator cannot make: a body that is a JSON array instead of an object, and text
 * PostgreSQL cannot store as sent (NUL is refused with a 500 otherwise; a lone surrogate is
 * silently replaced), wherever it hides.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype !== Array) {
      throw AppError.validation('body', 'must be a JSON object');
    }
    if (metadata.type !== 'custom') {
      const bad = fieldWithBadText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (bad !== null) throw AppError.validation(bad || metadata.type, 'must be valid Unicode text without NUL characters');
    }
    return super.transform(value, metadata);
  }
}

/** NUL, or half of a surrogate pair (it would be stored as U+FFFD, not as sent). */
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first string PostgreSQL cannot store as sent ('' for the value itself), or null. */
function fieldWithBadText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : null;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithBadText(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
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
