import pino, { DestinationStream, Logger as Pino } from 'pino';
import { REDACTED_PATHS } from './redacted-paths';

/** Injection token of the process's pino instance. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Structured JSON logs to stdout (or the given stream), personal data redacted. */
export function createRootLogger(level: string, destination?: DestinationStream): Pino {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
