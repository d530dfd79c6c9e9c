import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at /outreach/ on the same origin as /graphql, so the session cookie needs no CORS.
// `npm run dev` runs Vite on its own port and forwards /graphql to a gateway started with `npm run dev`.
export default defineConfig({
  base: '/outreach/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true },
});
