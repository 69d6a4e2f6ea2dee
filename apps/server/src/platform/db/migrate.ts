import type { Migration } from 'kysely/migration';
import { Migrator } from 'kysely/migration';
import type { Storage } from './database.js';
import { foundationMigration } from './migrations/001-foundation.js';
import { orderActionsMigration } from './migrations/002-order-actions.js';
import { importsMigration } from './migrations/003-imports.js';
import { integrationsMigration } from './migrations/004-integrations.js';
import { webhooksMigration } from './migrations/005-webhooks.js';
import { catalogueMigration } from './migrations/006-catalogue.js';
import { logisticsMigration } from './migrations/007-logistics.js';
import { crmMigration } from './migrations/008-crm.js';
import { productWeightMigration } from './migrations/009-product-weight.js';
import { quickRepliesMigration } from './migrations/010-quick-replies.js';
import { automationMigration } from './migrations/011-automation.js';
import { jobsRemindersMigration } from './migrations/012-jobs-reminders.js';
import { broadcastsMigration } from './migrations/013-broadcasts.js';
import { trustMigration } from './migrations/014-trust.js';
import { outboxMigration } from './migrations/015-outbox.js';
import { pastTenseAuditActionsMigration } from './migrations/016-past-tense-audit-actions.js';
import { aftersaleMigration } from './migrations/017-aftersale.js';
import { reviewsMigration } from './migrations/018-reviews.js';
import { caseReturnShippingMigration } from './migrations/019-case-return-shipping.js';
import { agentStatusMigration } from './migrations/020-agent-status.js';
import { rolesMigration } from './migrations/021-roles.js';
import { routingMigration } from './migrations/022-routing.js';
import { routingQueueIndexMigration } from './migrations/023-routing-queue-index.js';
import { measuresMigration } from './migrations/024-measures.js';
import { qualityMigration } from './migrations/025-quality.js';

/** The one migration set, in order. Names never change once landed. */
function allMigrations(storage: Storage): Record<string, Migration> {
  return {
    '001-foundation': foundationMigration(storage.dialect),
    '002-order-actions': orderActionsMigration(storage.dialect),
    '003-imports': importsMigration(storage.dialect),
    '004-integrations': integrationsMigration(storage.dialect),
    '005-webhooks': webhooksMigration(storage.dialect),
    '006-catalogue': catalogueMigration(storage.dialect),
    '007-logistics': logisticsMigration(storage.dialect),
    '008-crm': crmMigration(storage.dialect),
    '009-product-weight': productWeightMigration(storage.dialect),
    '010-quick-replies': quickRepliesMigration(storage.dialect),
    '011-automation': automationMigration(storage.dialect),
    '012-jobs-reminders': jobsRemindersMigration(storage.dialect),
    '013-broadcasts': broadcastsMigration(storage.dialect),
    '014-trust': trustMigration(storage.dialect),
    '015-outbox': outboxMigration(storage.dialect),
    '016-past-tense-audit-actions': pastTenseAuditActionsMigration(storage.dialect),
    '017-aftersale': aftersaleMigration(storage.dialect),
    '018-reviews': reviewsMigration(storage.dialect),
    '019-case-return-shipping': caseReturnShippingMigration(storage.dialect),
    '020-agent-status': agentStatusMigration(storage.dialect),
    '021-roles': rolesMigration(storage.dialect),
    '022-routing': routingMigration(storage.dialect),
    '023-routing-queue-index': routingQueueIndexMigration(storage.dialect),
    '024-measures': measuresMigration(storage.dialect),
    '025-quality': qualityMigration(storage.dialect),
  };
}

/** Brings the schema up to date; safe when several processes start at once (the migrator takes a lock). */
export async function migrateToLatest(storage: Storage): Promise<void> {
  const migrator = new Migrator({
    db: storage.db,
    provider: { getMigrations: async () => allMigrations(storage) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
