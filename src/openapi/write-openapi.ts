import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app-setup';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI document to docs/openapi.json (or the path given) without a database or Redis:
 * `preview: true` builds the module graph and reads the controllers' metadata but instantiates no
 * provider, so nothing connects. Run after `npm run build` (the swagger plugin's metadata is in dist/).
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/openapi.json');
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths → ${out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
