import type { ImportKind, ImportView } from '@golddesk/contracts';
import { isoNow, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { MAX_IMPORT_BYTES, readImportFile } from '../import-file.js';
import { presentImport } from '../import.presenter.js';
import { insertImport, type ImportRow } from '../import.repository.js';
import { groupOrderRows } from '../order-rows.js';
import { groupProductRows } from '../product-rows.js';
import { checkReviewRows } from '../review-rows.js';
import { runImport, type ImportGroup } from './run-import.js';

export interface StartImportProps {
  /** What the file holds. */
  kind: ImportKind;
  /** The raw CSV or xlsx file. */
  bytes: Buffer;
  /** The file's name, if the client gave it (shown in the list). */
  fileName: string | null;
  /** The uploader's language: progress frames are worded in it. */
  language: Language;
}

/**
 * Checks the file as a whole (type, size, header) and every row, records the import, and starts writing it in
 * the background. A file refused here imports nothing; the answer comes before the first row is written.
 */
export async function startImport(ctx: CommandContext<AgentPrincipal>, props: StartImportProps): Promise<ImportView> {
  const { app, actor } = ctx;
  requireCapability(actor, 'imports.run');
  if (props.bytes.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', { limit: '20 MB' });
  const rows = await readImportFile(props.kind, props.bytes);
  const groups: ImportGroup[] =
    props.kind === 'orders'
      ? groupOrderRows(rows).map((g) => ({ lineCount: g.lineCount, order: g.order, errors: g.errors ?? [] }))
      : props.kind === 'reviews'
        ? checkReviewRows(rows)
        : groupProductRows(rows).map((g) => ({ lineCount: g.lineCount, product: g.product, errors: g.errors }));

  const now = isoNow(app);
  const row: ImportRow = {
    id: newId(),
    shop_id: actor.shopId,
    kind: props.kind,
    status: 'running',
    file_name: props.fileName,
    language: props.language,
    total: rows.length,
    processed: 0,
    imported: 0,
    failed: 0,
    created_count: 0,
    updated_count: 0,
    unchanged_count: 0,
    errors_json: '[]',
    failure_reason: null,
    created_by: actor.agentId,
    created_by_name: actor.name,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await insertImport(app.storage.db, row);
  // In this process, after the answer: progress is in the database (GET from any process) and on the stream.
  setImmediate(() => void runImport(ctx, { row: { ...row }, groups }));
  return presentImport(row, props.language, app.now());
}
