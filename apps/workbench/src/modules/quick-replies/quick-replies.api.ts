import type {
  QuickReplyImportResult,
  QuickReplyRequest,
  QuickReplyScope,
  QuickReplyVariables,
  QuickReplyView,
  UploadResponse,
} from '@golddesk/contracts';
import { ApiError, apiRequest } from '../../platform/api-client';
import { currentLanguage, i18next } from '../../platform/i18n';
import { getSession } from '../../platform/session';
import { fileType } from '../imports';

const BASE = '/api/v1/quick-replies';

export async function listQuickReplies(scope?: QuickReplyScope): Promise<QuickReplyView[]> {
  return (await apiRequest<{ quickReplies: QuickReplyView[] }>(BASE, { query: { scope } })).quickReplies;
}

export async function createQuickReply(body: QuickReplyRequest): Promise<QuickReplyView> {
  return (await apiRequest<{ quickReply: QuickReplyView }>(BASE, { method: 'POST', body })).quickReply;
}

export async function updateQuickReply(id: string, body: Partial<Omit<QuickReplyRequest, 'scope'>>): Promise<QuickReplyView> {
  return (await apiRequest<{ quickReply: QuickReplyView }>(`${BASE}/${encodeURIComponent(id)}`, { method: 'PATCH', body }))
    .quickReply;
}

export async function deleteQuickReply(id: string): Promise<void> {
  await apiRequest(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Counts one use (ranking); failures are harmless and ignored. */
export function recordQuickReplyUse(id: string): void {
  void apiRequest(`${BASE}/${encodeURIComponent(id)}/used`, { method: 'POST', body: {} }).catch(() => undefined);
}

export async function conversationVariables(conversationId: string): Promise<QuickReplyVariables> {
  return apiRequest<QuickReplyVariables>(`${BASE}/variables`, { query: { conversationId } });
}

export async function importQuickReplies(scope: QuickReplyScope, file: File): Promise<QuickReplyImportResult> {
  const body = new Blob([file], { type: fileType(file) ?? 'application/octet-stream' });
  return apiRequest<QuickReplyImportResult>(`${BASE}/import`, { method: 'POST', body, query: { scope } });
}

export async function uploadPhraseImage(file: File): Promise<UploadResponse['attachment']> {
  return (await apiRequest<UploadResponse>('/api/v1/uploads', { method: 'POST', body: file })).attachment;
}

/** Downloads the export with the agent's token and saves it as 快捷短语.csv / .xlsx. */
export async function exportQuickReplies(format: 'csv' | 'xlsx', scope: 'team' | 'personal' | 'all'): Promise<void> {
  const session = getSession();
  const response = await fetch(`${BASE}/export?format=${format}&scope=${scope}`, {
    headers: { Authorization: `Bearer ${session?.token ?? ''}`, 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, i18next.t('error.generic'));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `快捷短语.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
