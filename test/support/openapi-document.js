// The OpenAPI document as the compiled app (dist/, from `nest build`) serves it. The suites run on
// SWC, which cannot run the @nestjs/swagger compiler plugin that writes the DTO schemas and response
// types into the classes, so a document built from the suites' own app would lack them. The e2e
// global setup runs this file as a child process (alongside the template database's migrations);
// it builds the app in Nest's preview mode (modules and routes, no providers: no Postgres or Redis)
// and writes the document, or why there is none, to documentFile(). test/support/openapi.ts reads it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'src');

function documentFile() {
  return path.join(os.tmpdir(), `appeals-openapi-${process.env.JEST_RUN_ID ?? 'run'}.json`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why dist/ cannot stand for src/ now, or null when it can. */
function staleDistReason() {
  const built = path.join(DIST, 'app-setup.js');
  if (!fs.existsSync(built)) return 'dist/ has no build';
  if (fs.statSync(built).mtimeMs < newestMtime(path.join(ROOT, 'src'))) return 'dist/ is older than src/';
  return null;
}

async function writeDocument(file) {
  const stale = staleDistReason();
  if (stale) throw new Error(`${stale}: run \`npm run build\` first (scripts/test.sh does)`);
  require('./test-env');
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(path.join(DIST, 'app.module'));
  const { API_PREFIX, createOpenApiDocument } = require(path.join(DIST, 'app-setup'));
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  fs.writeFileSync(file, JSON.stringify({ document: createOpenApiDocument(app) }));
  await app.close();
}

/** For the global setup: resolves once the file is written (with the document or the error). */
function buildDocumentInChild() {
  const file = documentFile();
  fs.rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, file], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', () => resolve(file));
  });
}

if (require.main === module) {
  const file = process.argv[2];
  writeDocument(file).then(
    () => process.exit(0),
    (err) => {
      fs.writeFileSync(file, JSON.stringify({ error: String(err?.stack ?? err) }));
      process.exit(1);
    },
  );
}

module.exports = { documentFile, buildDocumentInChild };
