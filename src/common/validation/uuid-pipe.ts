import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';

/** Path ids must be UUIDs: anything else is a 400 naming the parameter, never a database error. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => AppError.validation('id', 'must be a UUID', 'invalid_uuid'),
});
