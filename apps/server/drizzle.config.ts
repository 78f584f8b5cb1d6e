import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @kaolu/server` writes a new SQL migration from the table definitions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
