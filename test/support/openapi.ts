import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { documentFile } = require('./openapi-document') as { documentFile: () => string };

/**
 * The OpenAPI document of the compiled app, written by the e2e global setup (openapi-document.js):
 * the one `nest build` produces with the swagger compiler plugin, as production serves it.
 */
export function openApiDocument(): OpenAPIObject {
  const written = JSON.parse(readFileSync(documentFile(), 'utf8')) as { document?: OpenAPIObject; error?: string };
  if (!written.document) throw new Error(`No OpenAPI document from dist/: ${written.error}`);
  return written.document;
}
