import type { ImportKind, ImportView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the server expects, from the file name (browsers disagree on .csv). */
export function fileType(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv')) return 'text/csv';
  return undefined;
}

/** Uploads the file; answers once the server has checked it (the rows are written in the background). */
export async function startImport(kind: ImportKind, file: File): Promise<ImportView> {
  const body = new Blob([file], { type: fileType(file) ?? 'application/octet-stream' });
  return (await apiRequest<{ import: ImportView }>('/api/v1/imports', { method: 'POST', body, query: { kind, name: file.name } }))
    .import;
}

export async function getImport(id: string, signal?: AbortSignal): Promise<ImportView> {
  return (await apiRequest<{ import: ImportView }>(`/api/v1/imports/${encodeURIComponent(id)}`, { signal })).import;
}
