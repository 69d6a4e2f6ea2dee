import type { ApprovalView } from '@golddesk/contracts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isoNow, type AfterCommitEffect, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import type { Language } from '../../../platform/http/errors.js';
import { publishApprovals } from '../../approvals/index.js';
import { recordAudit } from '../../audit/index.js';
import { MAX_STORED_ERRORS, type StoredRowError } from '../import-reasons.js';
import { presentImport } from '../import.presenter.js';
import { updateImport, type ImportRow } from '../import.repository.js';
import { CatalogueIndex, writeOrderBatch, type BatchCounts } from '../order-batch.js';
import type { OrderDraft } from '../order-rows.js';
import { writeProductBatch } from '../product-batch.js';
import { loadCatalogue } from '../product-import.repository.js';
import type { ProductDraft } from '../product-rows.js';
import { writeReviewBatch } from '../review-batch.js';
import type { ReviewDraft } from '../review-rows.js';

/** Rows of the file that belong together (one order, one product): what to write, and the rows that failed. */
export interface ImportGroup {
  lineCount: number;
  order?: OrderDraft;
  product?: ProductDraft;
  review?: ReviewDraft;
  errors: StoredRowError[];
}

export interface RunImportProps {
  /** The import as recorded by startImport (status running). */
  row: ImportRow;
  /** Every row of the file, checked and grouped. */
  groups: ImportGroup[];
}

/** Rows per transaction: large enough that commits are few, small enough that chat queries wait little. */
export const BATCH_ROWS = 500;

/**
 * Writes the groups batch by batch, each batch one transaction together with the import's progress, and tells
 * the shop's agents after each commit. Ends done (with one audit entry for the whole file) or failed.
 */
export async function runImport(ctx: CommandContext<AgentPrincipal>, props: RunImportProps): Promise<void> {
  const { app, actor } = ctx;
  let row = props.row;
  const errors: StoredRowError[] = [];
  const publish = () =>
    app.bus.publish({
      type: 'import.progressed',
      shopId: actor.shopId,
      import: presentImport(row, row.language as Language, app.now()),
    });
  try {
    const catalogue = row.kind === 'orders' ? new CatalogueIndex(await loadCatalogue(app.storage.db, actor.shopId)) : undefined;
    for (const batch of batches(props.groups)) {
      // Lets requests in between batches: on SQLite every statement runs on this thread.
      await nextTurn();
      for (const group of batch)
        if (errors.length < MAX_STORED_ERRORS) errors.push(...group.errors.slice(0, MAX_STORED_ERRORS - errors.length));
      const lines = batch.reduce((n, g) => n + g.lineCount, 0);
      const failed = batch.reduce((n, g) => n + g.errors.length, 0);
      row = await writeBatch(ctx, row, batch, catalogue, (counts, now) => ({
        ...row,
        processed: row.processed + lines,
        imported: row.imported + lines - failed,
        failed: row.failed + failed,
        created_count: row.created_count + counts.created,
        updated_count: row.updated_count + counts.updated,
        unchanged_count: row.unchanged_count + counts.unchanged,
        errors_json: JSON.stringify(errors),
        updated_at: now,
      }));
      publish();
    }
    const now = isoNow(app);
    const done: ImportRow = { ...row, status: 'done', updated_at: now, finished_at: now };
    await app.storage.db.transaction().execute(async (trx) => {
      await updateImport(trx, row.id, { status: done.status, updated_at: now, finished_at: now });
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: { kind: 'agent', id: actor.agentId, name: actor.name },
        action: `import.${row.kind}_imported`,
        targetType: 'import',
        targetId: row.id,
        before: null,
        after: {
          fileName: row.file_name,
          total: row.total,
          imported: row.imported,
          failed: row.failed,
          created: row.created_count,
          updated: row.updated_count,
          unchanged: row.unchanged_count,
        },
        at: now,
      });
    });
    row = done;
  } catch (error) {
    app.log.error({ err: error, importId: row.id }, 'import failed');
    const now = isoNow(app);
    row = { ...row, status: 'failed', failure_reason: 'internal', updated_at: now, finished_at: now };
    await updateImport(app.storage.db, row.id, {
      status: 'failed',
      failure_reason: 'internal',
      updated_at: now,
      finished_at: now,
    }).catch(() => undefined); // storage gone (shutdown): GET reports the import interrupted once it is stale
  }
  publish();
}

/** One transaction: the rows, then the progress they make; tried twice, since another import may race on the same orders. */
async function writeBatch(
  ctx: CommandContext<AgentPrincipal>,
  row: ImportRow,
  batch: ImportGroup[],
  catalogue: CatalogueIndex | undefined,
  next: (counts: BatchCounts, now: string) => ImportRow,
): Promise<ImportRow> {
  const { app, actor } = ctx;
  for (let attempt = 1; ; attempt++) {
    try {
      let closedApprovals: ApprovalView[] = [];
      // What the batch leaves to publish once it committed (a review's follow-up task).
      const effects: AfterCommitEffect[] = [];
      const written = await app.storage.db.transaction().execute(async (trx) => {
        const now = isoNow(app);
        const orders = batch.flatMap((g) => (g.order ? [g.order] : []));
        const products = batch.flatMap((g) => (g.product ? [g.product] : []));
        const reviews = batch.flatMap((g) => (g.review ? [g.review] : []));
        const counts =
          row.kind === 'orders'
            ? await writeOrderBatch(trx, actor.shopId, orders, catalogue!, now)
            : row.kind === 'reviews'
              ? await writeReviewBatch({ app, transaction: { trx, afterCommit: (e) => effects.push(e) } }, actor.shopId, reviews)
              : await writeProductBatch(trx, actor.shopId, products, now);
        closedApprovals = counts.closedApprovals ?? [];
        const updated = next(counts, now);
        const { id: _id, shop_id: _shop, ...changes } = updated;
        await updateImport(trx, row.id, changes);
        return updated;
      });
      publishApprovals(app, actor.shopId, closedApprovals);
      for (const effect of effects) await effect();
      return written;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Groups in file order, cut into batches of about BATCH_ROWS rows (an order is never split). */
function* batches(groups: ImportGroup[]): Generator<ImportGroup[]> {
  let batch: ImportGroup[] = [];
  let rows = 0;
  for (const group of groups) {
    batch.push(group);
    rows += group.lineCount;
    if (rows >= BATCH_ROWS) {
      yield batch;
      batch = [];
      rows = 0;
    }
  }
  if (batch.length) yield batch;
}
