import type { AutoReplyInput, AutoReplyRule } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export async function fetchAutoReplies(signal?: AbortSignal): Promise<AutoReplyRule[]> {
  return (await apiRequest<{ rules: AutoReplyRule[] }>('/api/v1/auto-replies', { signal })).rules;
}

export async function saveAutoReply(input: AutoReplyInput, id?: string): Promise<AutoReplyRule> {
  const path = id ? `/api/v1/auto-replies/${encodeURIComponent(id)}` : '/api/v1/auto-replies';
  return (await apiRequest<{ rule: AutoReplyRule }>(path, { method: id ? 'PUT' : 'POST', body: input })).rule;
}

export async function deleteAutoReply(id: string): Promise<void> {
  await apiRequest(`/api/v1/auto-replies/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function previewAutoReply(text: string, signal?: AbortSignal): Promise<string> {
  return (await apiRequest<{ text: string }>('/api/v1/auto-replies/preview', { method: 'POST', body: { text }, signal })).text;
}

/** The editable part of a stored rule. */
export function inputOf(rule: AutoReplyRule): AutoReplyInput {
  const { id: _id, stats: _stats, updatedAt: _updated, ...input } = rule;
  return input;
}
