import type { ImportKind, ImportStatus, ImportView } from '@golddesk/contracts';
import { AppError, errorMessage, type ErrorCode, type Language } from '../../platform/http/errors.js';
import { wordRowError, type StoredRowError } from './import-reasons.js';
import type { ImportRow } from './import.repository.js';

/** A running import whose progress has not moved for this long lost its process (restart, crash). */
export const STALE_AFTER_MS = 2 * 60_000;

/** The import as HTTP and the stream show it; failed rows and the failure worded in `language`. */
export function presentImport(row: ImportRow, language: Language, now: Date): ImportView {
  const kind = row.kind as ImportKind;
  const stale = row.status === 'running' && now.getTime() - Date.parse(row.updated_at) > STALE_AFTER_MS;
  const failureCode = stale ? 'import_interrupted' : row.failure_reason;
  const errors = JSON.parse(row.errors_json) as StoredRowError[];
  return {
    id: row.id,
    kind,
    status: (stale ? 'failed' : row.status) as ImportStatus,
    total: Number(row.total),
    processed: Number(row.processed),
    imported: Number(row.imported),
    failed: Number(row.failed),
    errors: errors.map((error) => wordRowError(kind, error, language)),
    created: Number(row.created_count),
    updated: Number(row.updated_count),
    unchanged: Number(row.unchanged_count),
    failureReason: failureCode ? errorMessage(new AppError(failureCode as ErrorCode), language) : null,
    fileName: row.file_name,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
