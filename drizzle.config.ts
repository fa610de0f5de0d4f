import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/core/db/schema.ts', './src/modules/*/data/schema.ts'],
  out: './migrations',
});
