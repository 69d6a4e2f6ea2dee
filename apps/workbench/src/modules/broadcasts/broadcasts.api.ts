import type { BroadcastInput, BroadcastRecipientView, BroadcastView, SegmentView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export async function fetchBroadcasts(signal?: AbortSignal): Promise<BroadcastView[]> {
  return (await apiRequest<{ broadcasts: BroadcastView[] }>('/api/v1/broadcasts', { signal })).broadcasts;
}

export async function fetchSegments(): Promise<SegmentView[]> {
  return (await apiRequest<{ segments: SegmentView[] }>('/api/v1/segments')).segments;
}

export interface Audience {
  members: number;
  blocked: number;
  optedOut: number;
  reachable: number;
}

export async function fetchAudience(segmentId: string): Promise<Audience> {
  return apiRequest<Audience>(`/api/v1/broadcasts/audience?segmentId=${encodeURIComponent(segmentId)}`);
}

export async function createBroadcast(input: BroadcastInput): Promise<BroadcastView> {
  return (await apiRequest<{ broadcast: BroadcastView }>('/api/v1/broadcasts', { method: 'POST', body: input })).broadcast;
}

export async function broadcastAction(id: string, action: 'start' | 'cancel'): Promise<BroadcastView> {
  return (
    await apiRequest<{ broadcast: BroadcastView }>(`/api/v1/broadcasts/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: {},
    })
  ).broadcast;
}

export async function deleteBroadcast(id: string): Promise<void> {
  await apiRequest(`/api/v1/broadcasts/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function fetchRecipients(
  id: string,
  page: number,
): Promise<{ recipients: BroadcastRecipientView[]; total: number }> {
  return apiRequest(`/api/v1/broadcasts/${encodeURIComponent(id)}/recipients?page=${page}&pageSize=10`);
}
