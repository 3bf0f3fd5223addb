import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

/** Paths that belong to the API or its tools: never answered with the web app, whatever is under them. */
const SERVER_PATHS = [/^\/api(\/|$)/, /^\/docs/, /^\/admin\/queues(\/|$)/];
/** Vite puts content-hashed files here: a changed file has a new name, so they may be cached for good. */
const HASHED_ASSETS = '/assets/';

/**
 * Serves the built web application (web/dist) at `/`: files as they are, and index.html for any other
 * page path so the client router can draw it (a reload of /track or /staff works). index.html is never
 * cached, so a new deployment is picked up at once; hashed assets are cached for a year.
 * Returns false (and mounts nothing) when there is no build: API-only deployments and unit tests.
 */
export function mountWebApp(app: NestExpressApplication, configuredDir?: string): boolean {
  const root = configuredDir ? resolve(configuredDir) : join(packageRoot(), 'web', 'dist');
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;

  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const inAssets = path.startsWith(join(root, 'assets') + '/');
      res.setHeader('Cache-Control', inAssets ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });

  // gzip for the page's own files: on a slow mobile line the scripts shrink to a third.
  const gzip = compression();

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.some((p) => p.test(req.path))) return next();
    gzip(req, res, () => files(req, res, () => {
      // A missing asset or file is a 404 from the API's error handler, not the page: a browser
      // asking for an old script must not get HTML back.
      if (req.path.startsWith(HASHED_ASSETS) || extname(req.path) !== '') return next();
      res.setHeader('Cache-Control', 'no-cache');
      for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
      res.sendFile(indexFile, (err) => err && next(err));
    }));
  });
  return true;
}

/** The page runs only its own scripts and styles and talks only to its own origin. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The directory holding package.json: the same from src/ (ts-jest) and from dist/src/ (node). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
