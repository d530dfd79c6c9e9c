import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The outreach survey's page, /outreach/survey.html, where the gateway's link builder points
 * (apps/gateway/src/outreach-survey/survey-link.ts): a second build into the same dist folder,
 * after the staff app's (vite.config.ts). A build of its own keeps the two bundles apart: the
 * staff app's initial JavaScript is unchanged by the survey (apps/gateway/src/app.test.ts holds
 * it under budget), and the phone loads none of the staff screens.
 */
export default defineConfig({
  base: '/outreach/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    rollupOptions: { input: 'survey.html' },
  },
});
