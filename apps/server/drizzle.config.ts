import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/*.table.ts'],
  out: './migrations',
  schemaFilter: [
    'identity',
    'audit',
    'crypto',
    'notify',
    'case_mgmt',
    'clinical',
    'privacy',
    'crisis',
    'scheduling',
    'notifications',
    'consent',
    'selfcare',
    'messaging',
    'files',
  ],
});
