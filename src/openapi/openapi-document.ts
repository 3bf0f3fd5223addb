import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SwaggerModule } from '@nestjs/swagger';
import { ROLES } from '../common/auth/role';
import { CONTRACT_DESCRIPTION, TAGS } from './contract-sections';
import { ERROR_BODY_SCHEMA, errorCodesOf, errorResponses } from './error-responses';
import { OPERATION_SUMMARIES } from './operation-summaries';
import { REQUEST_EXAMPLES } from './request-examples';
import { collectRoutes, operationIdOf, RouteFacts } from './routes';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * The service's OpenAPI document: served at /docs-json (app-setup.ts) and written to docs/openapi.json
 * by `npm run openapi`, so both come from here. The swagger scanner reads the controllers and DTOs;
 * completeDocument then adds, centrally rather than on every controller, what the decorators do not
 * say: summaries, the contract's error answers by rule, request-body examples, security per route.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Citizens’ appeals and public receptions')
    .setDescription(CONTRACT_DESCRIPTION)
    .setVersion('1.1')
    .addServer('/', 'This service (the paths carry the /api/v1 prefix)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /auth/login' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  return completeDocument(document, collectRoutes(app));
}

export function completeDocument(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  document.tags = TAGS;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA },
    parameters: {
      ...document.components?.parameters,
      AcceptLanguage: {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description: 'Language of `message` and `details[].message`: kk, ru or en (default ru)',
        schema: { type: 'string', example: 'kk' },
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) completeOperation(operation, path, routes.get(operation.operationId ?? ''));
    }
  }
  return document;
}

function completeOperation(operation: OperationObject, path: string, route: RouteFacts | undefined): void {
  const id = operation.operationId ?? '';
  if (!operation.summary && OPERATION_SUMMARIES[id]) operation.summary = OPERATION_SUMMARIES[id];
  if (route) operation.description = [operation.description, whoMayCall(route)].filter(Boolean).join('\n\n');
  operation.parameters = [...mergeHeaderParameters(operation.parameters ?? []), { $ref: '#/components/parameters/AcceptLanguage' }];
  if (route) operation.security = route.isPublic ? [] : [{ bearer: [] }];
  const body = operation.requestBody;
  if (body && !('$ref' in body) && id in REQUEST_EXAMPLES) {
    for (const media of Object.values(body.content)) media.example = REQUEST_EXAMPLES[id];
  }
  // What the controller declares itself stays; the rules fill in the rest.
  operation.responses = { ...errorResponses(errorCodesOf(operation, path, route)), ...operation.responses };
}

function whoMayCall(route: RouteFacts): string {
  if (route.isPublic) return 'Public: no token needed.';
  if (!route.roles) return `Any signed-in staff role (${ROLES.join(', ')}).`;
  return `Roles: ${['admin', ...route.roles.filter((r) => r !== 'admin')].join(', ')}.`;
}

/**
 * Header names are case-insensitive: a handler's `@Headers('idempotency-key')` and its
 * `@ApiHeader({ name: 'Idempotency-Key', required: false })` are one header. The declared one
 * (with its description) stays, optional if either says so.
 */
function mergeHeaderParameters(parameters: (ParameterObject | ReferenceObject)[]): (ParameterObject | ReferenceObject)[] {
  const merged: (ParameterObject | ReferenceObject)[] = [];
  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'header') {
      merged.push(parameter);
      continue;
    }
    const index = merged.findIndex((p) => !('$ref' in p) && p.in === 'header' && p.name.toLowerCase() === parameter.name.toLowerCase());
    if (index < 0) {
      merged.push(parameter);
      continue;
    }
    const earlier = merged[index] as ParameterObject;
    const declared = parameter.description ? parameter : earlier;
    merged[index] = { ...declared, required: !!earlier.required && !!parameter.required };
  }
  return merged;
}
