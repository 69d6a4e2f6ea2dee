import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Trust: who vouched for a buyer and the anonymous visitor's secret; agent sign-in sessions that can be revoked;
 * disabled agents; a fingerprint on idempotency keys so a reused request id with other content is refused.
 */
export function trustMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      // visitor = self-named widget visitor (never matched by imports or events); import | integration | identity | demo = vouched.
      await db.schema.alterTable('buyers').addColumn('identity_source', 'text').execute();
      await db.schema.alterTable('buyers').addColumn('visitor_secret_hash', 'text').execute();
      await sql`UPDATE buyers SET identity_source = CASE
          WHEN external_id IS NOT NULL THEN 'integration'
          WHEN visitor_id LIKE 'import-%' THEN 'import'
          WHEN visitor_id LIKE 'demo-%' THEN 'demo'
          ELSE 'visitor' END`.execute(db);

      await db.schema.alterTable('agents').addColumn('disabled_at', 'text').execute();

      // One row per sign-in: the token names it, so sign-out (one or everywhere) and disabling end it at once.
      await db.schema
        .createTable('agent_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('agent_sessions_agent').on('agent_sessions').columns(['agent_id', 'revoked_at']).execute();

      await db.schema.alterTable('idempotency_keys').addColumn('fingerprint', 'text').execute();
      await db.schema.createIndex('attachments_uploader').on('attachments').columns(['shop_id', 'uploaded_by']).execute();
    },
  };
}
