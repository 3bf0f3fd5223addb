/**
 * Paths that can carry personal data or secrets. Bodies are never logged; these catch anything
 * a developer passes to the logger by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.iin',
  '*.phone',
  '*.callerPhone',
  '*.email',
  '*.address',
  '*.fullName',
  '*.text',
  '*.answerText',
  '*.applicant',
  '*.visitor',
  '*.trackingCode',
];
