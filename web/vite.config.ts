import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app is built into web/dist and served by the Nest service itself at `/` (src/web/web-app.ts).
 * `npm run dev:web` runs Vite's dev server with the API (npm run start:dev, port 3000) behind /api.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // Budget for the first page is 150 KB gzip of JavaScript (docs/benchmarks-web.md).
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
});
