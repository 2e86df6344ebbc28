import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './build/service-worker-plugin';

const server = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), serviceWorker(fileURLToPath(new URL('./src/offline/service-worker.js', import.meta.url)))],
  server: {
    proxy: {
      '/api': server,
      '/health': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        manualChunks: (id) => {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
          if (id.includes('/node_modules/@mantine/')) return 'mantine';
          // Only the specialist's calendar needs FullCalendar (and its preact): loaded with that page.
          if (/\/node_modules\/(@fullcalendar|preact)\//.test(id)) return 'calendar';
          // Only a practice on LiveKit loads livekit-client (and what it alone uses): fetched when its call opens.
          if (/\/node_modules\/(livekit-client|@livekit|@bufbuild|loglevel|machina|sdp|sdp-transform|typed-emitter|webrtc-adapter|jose|events)\//.test(id))
            return 'livekit';
          return 'vendor';
        },
      },
    },
  },
});
