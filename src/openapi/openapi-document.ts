import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The service's OpenAPI document: served at /docs-json and written to docs/openapi.json by
 * `npm run openapi` (the web app's typed client is generated from that file), so both come from here.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Citizens’ appeals and public receptions')
    .setDescription('Intake from the portal, the call centre and receptions; routing to agencies; statutory deadlines; reports. See API.md.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}
