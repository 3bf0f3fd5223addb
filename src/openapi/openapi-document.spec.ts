import type { INestApplication, PipeTransform, Type } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { NestFactory } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteFacts } from './routes';

/**
 * docs/openapi.json is the document the service serves at /docs-json, and it lists what the code
 * accepts. Built from the compiled app (dist/, `nest build`: scripts/test.sh builds first), because only
 * the build runs the swagger compiler plugin that documents the DTOs; Nest's preview mode needs no
 * database. When it fails after an API change: `npm run openapi`, and fill the rows the failures name
 * in operation-summaries.ts and request-examples.ts.
 */
const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    // Specs are not compiled into dist/, so they do not make it stale.
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const compiled = <T>(path: string): T => require(join(DIST, path)) as T;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Operation = OperationObject & { method: string; path: string };

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  let routes: Map<string, RouteFacts>;
  let operations: Operation[];

  beforeAll(async () => {
    const built = join(DIST, 'openapi', 'openapi-document.js');
    if ((statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestMtime(join(ROOT, 'src'))) {
      throw new Error('dist/ is missing or older than src/: run `npm run build` first (scripts/test.sh does)');
    }
    const { AppModule } = compiled<{ AppModule: Type<unknown> }>('app.module');
    const { API_PREFIX } = compiled<{ API_PREFIX: string }>('app-setup');
    const { buildOpenApiDocument } = compiled<{ buildOpenApiDocument: (app: INestApplication) => OpenAPIObject }>('openapi/openapi-document');
    const { collectRoutes } = compiled<{ collectRoutes: (app: INestApplication) => Map<string, RouteFacts> }>('openapi/routes');
    app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    app.setGlobalPrefix(API_PREFIX);
    document = JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as OpenAPIObject;
    routes = collectRoutes(app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ ...(item[method] as OperationObject), method, path })),
    );
  });
  afterAll(() => app?.close());

  const named = (op: Operation) => `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;

  it('is the one committed as docs/openapi.json (`npm run openapi` writes it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as OpenAPIObject;
    expect(Object.keys(committed.paths).sort()).toEqual(Object.keys(document.paths).sort());
    expect(committed).toEqual(document);
  });

  it('has one operation per route, with a unique operationId, a summary and a tag described in TAGS', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual([...routes.keys()].sort());
    expect(operations.filter((op) => !op.summary?.trim()).map(named)).toEqual([]);
    const tags = new Set((document.tags ?? []).map((t) => t.name));
    expect(operations.filter((op) => !op.tags?.length || op.tags.some((t) => !tags.has(t))).map(named)).toEqual([]);
  });

  it('has a request-body example for every body, and no table row for an operation that does not exist', () => {
    const { REQUEST_EXAMPLES } = compiled<{ REQUEST_EXAMPLES: Record<string, unknown> }>('openapi/request-examples');
    const { OPERATION_SUMMARIES } = compiled<{ OPERATION_SUMMARIES: Record<string, string> }>('openapi/operation-summaries');
    const withoutExample = operations.filter((op) => op.requestBody && Object.values((op.requestBody as { content: Record<string, { example?: unknown }> }).content).some((m) => m.example === undefined));
    expect(withoutExample.map(named)).toEqual([]);
    const ids = new Set(operations.map((op) => op.operationId));
    expect([...Object.keys(REQUEST_EXAMPLES), ...Object.keys(OPERATION_SUMMARIES)].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has examples the operations themselves accept (the validation pipe of the app)', async () => {
    const { REQUEST_EXAMPLES } = compiled<{ REQUEST_EXAMPLES: Record<string, unknown> }>('openapi/request-examples');
    const { createValidationPipe } = compiled<{ createValidationPipe: () => PipeTransform }>('common/validation/validation-pipe');
    const pipe = createValidationPipe();
    const refused: string[] = [];
    for (const route of routes.values()) {
      if (!route.bodyType) continue;
      try {
        await pipe.transform(structuredClone(REQUEST_EXAMPLES[route.operationId]), { type: 'body', metatype: route.bodyType });
      } catch (err) {
        refused.push(`${route.operationId}: ${JSON.stringify((err as { details?: unknown }).details ?? String(err))}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('lists every query parameter and body field the validation accepts', () => {
    const validated = (type: Type<unknown>): string[] =>
      [...new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((m) => m.propertyName))];
    const schemaOf = (ref: SchemaObject | ReferenceObject): SchemaObject =>
      '$ref' in ref ? (document.components!.schemas![ref.$ref.split('/').pop()!] as SchemaObject) : ref;
    const missing: string[] = [];
    for (const op of operations) {
      const route = routes.get(op.operationId!)!;
      if (route.queryType) {
        const params = new Set((op.parameters as ParameterObject[]).filter((p) => p.in === 'query').map((p) => p.name));
        missing.push(...validated(route.queryType).filter((f) => !params.has(f)).map((f) => `${named(op)}: query ${f}`));
      }
      const json = (op.requestBody as { content?: Record<string, { schema: SchemaObject | ReferenceObject }> } | undefined)?.content?.['application/json'];
      if (route.bodyType && json) {
        const properties = schemaOf(json.schema).properties ?? {};
        missing.push(...validated(route.bodyType).filter((f) => !(f in properties)).map((f) => `${named(op)}: body ${f}`));
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the contract’s errors by rule, all in the ErrorBody shape', () => {
    const statuses = (id: string) => Object.keys(operations.find((op) => op.operationId === id)!.responses);
    expect(statuses('Lifecycle_route')).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '413']));
    expect(statuses('Portal_submit')).toEqual(expect.arrayContaining(['400', '409', '413', '429']));
    expect(statuses('Portal_submit')).not.toContain('401');
    expect(statuses('Auth_me')).toContain('401');
    expect(statuses('Health_check')).not.toContain('401');
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || Number(status) === 503) continue;
        expect([named(op), (response as { content?: Record<string, { schema: unknown }> }).content?.['application/json']?.schema]).toEqual([named(op), { $ref: '#/components/schemas/ErrorBody' }]);
      }
    }
    expect(document.components!.schemas!.ErrorBody).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('marks public routes as needing no token and the others as bearer', () => {
    for (const op of operations) expect([named(op), op.security]).toEqual([named(op), routes.get(op.operationId!)!.isPublic ? [] : [{ bearer: [] }]]);
  });

  // The gaps this document had: each was accepted or returned by the code but missing or wrong here.
  it('lists agencyId on GET /appeals, the applicant’s fullName, signatories, and an optional Idempotency-Key', () => {
    const list = operations.find((op) => op.operationId === 'Appeals_list')!;
    expect((list.parameters as ParameterObject[]).map((p) => p.name)).toContain('agencyId');
    const schemas = document.components!.schemas as Record<string, SchemaObject>;
    expect(schemas.ApplicantView.properties).toHaveProperty('fullName');
    expect(schemas.CollectiveView.properties).toHaveProperty('signatories');
    const submit = operations.find((op) => op.operationId === 'Portal_submit')!;
    const keys = (submit.parameters as ParameterObject[]).filter((p) => p.name?.toLowerCase() === 'idempotency-key');
    expect(keys).toEqual([expect.objectContaining({ in: 'header', required: false })]);
  });
});
