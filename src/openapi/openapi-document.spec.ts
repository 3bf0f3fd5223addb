import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app-setup';
import { buildOpenApiDocument } from './openapi-document';

/**
 * docs/openapi.json is what the web app's typed client (web/src/api/schema.d.ts) is generated from.
 * When the API changes, `npm run openapi` must be run so the web app is type-checked against the
 * real contract; this fails until it is. Built without a database, as the script does.
 */
describe('docs/openapi.json', () => {
  it('is the document the service generates', async () => {
    const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    app.setGlobalPrefix(API_PREFIX);
    const generated = JSON.parse(JSON.stringify(buildOpenApiDocument(app)));
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
    expect(Object.keys(committed.paths).sort()).toEqual(Object.keys(generated.paths).sort());
    expect(committed).toEqual(generated);
  });
});
