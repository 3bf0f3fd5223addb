import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ErrorDetail } from '../errors/error-code';

/**
 * The global pipe: unknown fields are refused, types are checked, and every failure names its
 * field with a dotted path ("applicant.iin").
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
