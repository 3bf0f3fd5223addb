import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from '../common/errors/error-code';
import { RouteFacts } from './routes';

/** The contract's error body (API.md "Conventions"), one schema every error response refers to. */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Every error answer. `message` and `details[].message` come in the Accept-Language language; `code` and `details[].code` are stable.',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
    message: { type: 'string' },
    details: {
      type: 'array',
      description: 'One entry per problem with the request, naming its field',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', example: 'applicant.iin' },
          code: { type: 'string', description: 'Stable detail code a client can translate (`required`, `iin.checksum`, `phone.invalid`, `too_long`, …)', example: 'iin.checksum' },
          message: { type: 'string' },
        },
      },
    },
    errorId: { type: 'string', description: 'With INTERNAL only: the id to quote to support (the log line carries it)' },
  },
};

/** What each code means to a caller, and an example answer (English, as with Accept-Language: en). */
const MEANING: Record<ErrorCode, { when: string; example: Record<string, unknown> }> = {
  VALIDATION_FAILED: {
    when: 'the body, a query parameter or a path id is not valid (unknown fields and malformed JSON included); `details` names each field',
    example: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request is not valid', details: [{ field: 'applicant.iin', code: 'iin.checksum', message: 'The IIN check digit does not match' }] },
  },
  UNAUTHORIZED: { when: 'no bearer token, or it is invalid, expired or revoked', example: { statusCode: 401, code: 'UNAUTHORIZED', message: 'A bearer access token is required' } },
  FORBIDDEN: { when: 'the caller’s role may not do this', example: { statusCode: 403, code: 'FORBIDDEN', message: 'This action is not allowed for the role analyst' } },
  NOT_FOUND: { when: 'no such object, or it is outside the caller’s scope (never revealed)', example: { statusCode: 404, code: 'NOT_FOUND', message: 'Appeal not found' } },
  INVALID_TRANSITION: { when: 'the case’s status does not allow this action', example: { statusCode: 409, code: 'INVALID_TRANSITION', message: 'Cannot close an appeal in status routed' } },
  VERSION_CONFLICT: { when: '`expectedVersion` is not the case’s current version (someone changed it meanwhile)', example: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'The appeal was changed by someone else' } },
  DUPLICATE: { when: 'it exists already', example: { statusCode: 409, code: 'DUPLICATE', message: 'login already exists', details: [{ field: 'login', code: 'already_exists', message: 'already exists' }] } },
  PAYLOAD_TOO_LARGE: { when: 'the body is over the limit (1 MB; 20 MB for a CSV import)', example: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 1mb' } },
  RATE_LIMITED: { when: 'too many requests; wait for `Retry-After` seconds', example: { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests; try again later' } },
  UNSUPPORTED_MEDIA_TYPE: { when: 'the body is not UTF-8', example: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON' } },
  REQUEST_TIMEOUT: { when: 'the request was not received in time', example: { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' } },
  HEADERS_TOO_LARGE: { when: 'the headers are over 16 KB', example: { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' } },
  INTERNAL: { when: 'an unexpected failure; `errorId` identifies it', example: { statusCode: 500, code: 'INTERNAL', message: 'Internal error', errorId: 'b3c1e0f4-6c1a-4d7e-9f0a-2e5d8c7b6a91' } },
  UNAVAILABLE: { when: 'PostgreSQL or Redis is unreachable', example: { statusCode: 503, code: 'UNAVAILABLE', message: 'The service is temporarily unavailable' } },
};

/**
 * Errors an operation answers that its shape does not tell (the rules in errorCodesOf cover the rest),
 * keyed by operationId.
 */
const EXTRA_ERRORS: Record<string, ErrorCode[]> = {
  Auth_login: ['UNAUTHORIZED'],
  Users_create: ['DUPLICATE'],
  Org_createBranch: ['DUPLICATE'],
  Org_createAgency: ['DUPLICATE'],
  Classifier_create: ['DUPLICATE'],
  Routing_create: ['DUPLICATE'],
  Portal_submit: ['DUPLICATE'],
  // A branchId outside the caller's subtree answers 404, like any out-of-scope object.
  Reports_resolutionReport: ['NOT_FOUND'],
  Reports_receptionsReport: ['NOT_FOUND'],
};

/** The error codes an operation can answer, by rule: public or not, roles, path ids, inputs, lifecycle. */
export function errorCodesOf(operation: OperationObject, path: string, route: RouteFacts | undefined): ErrorCode[] {
  const codes = new Set<ErrorCode>(EXTRA_ERRORS[operation.operationId ?? ''] ?? []);
  const params = (operation.parameters ?? []) as (ParameterObject | ReferenceObject)[];
  const hasInput = !!operation.requestBody || params.some((p) => 'in' in p && (p.in === 'query' || p.in === 'path' || p.in === 'header'));
  if (hasInput) codes.add('VALIDATION_FAILED');
  if (route && !route.isPublic) {
    codes.add('UNAUTHORIZED');
    if (route.roles) codes.add('FORBIDDEN');
  }
  if (/\{[^}]+\}/.test(path)) codes.add('NOT_FOUND');
  // Every lifecycle action checks the case's status and the caller's expectedVersion.
  if (route?.controller.name === 'LifecycleController') {
    codes.add('INVALID_TRANSITION');
    codes.add('VERSION_CONFLICT');
  }
  if (operation.requestBody) codes.add('PAYLOAD_TOO_LARGE');
  if (route?.throttled) codes.add('RATE_LIMITED');
  return [...codes];
}

/** The responses for those codes, grouped by status (409 has several codes), in the contract's body. */
export function errorResponses(codes: ErrorCode[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, ResponseObject> = {};
  for (const [status, group] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.map((code) => `${code}: ${MEANING[code].when}`).join('; '),
      ...(status === 429 && { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }),
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorBody' },
          examples: Object.fromEntries(group.map((code) => [code, { value: MEANING[code].example }])),
        },
      },
    };
  }
  return responses;
}
