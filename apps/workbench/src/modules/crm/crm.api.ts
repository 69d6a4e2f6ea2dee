import type {
  CustomerCrmView,
  CustomerType,
  ListCustomersResponse,
  NoteView,
  SegmentFilter,
  SegmentView,
  TagView,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { putCrm } from './crm.store';

type CrmAnswer = { crm: CustomerCrmView };
const base = (buyerId: string) => `/api/v1/customers/${encodeURIComponent(buyerId)}`;

/** Calls a route that answers with the buyer's fresh CRM block, and stores it for every open view. */
async function crmCall(buyerId: string, path: string, method: 'PUT' | 'POST', body?: unknown): Promise<CustomerCrmView> {
  const { crm } = await apiRequest<CrmAnswer>(`${base(buyerId)}${path}`, { method, body: body ?? {} });
  putCrm(buyerId, crm);
  return crm;
}

export async function reloadCrm(buyerId: string): Promise<CustomerCrmView> {
  const { crm } = await apiRequest<CrmAnswer>(`${base(buyerId)}/crm`);
  putCrm(buyerId, crm);
  return crm;
}

export const setCustomerType = (buyerId: string, customerType: CustomerType | null) =>
  crmCall(buyerId, '/type', 'PUT', { customerType });
export const setBuyerTags = (buyerId: string, tagIds: string[]) => crmCall(buyerId, '/tags', 'PUT', { tagIds });
export const blockBuyer = (buyerId: string, reason: string) => crmCall(buyerId, '/block', 'POST', { reason });
export const unblockBuyer = (buyerId: string) => crmCall(buyerId, '/unblock', 'POST');

export function setVipLevel(buyerId: string, vipLevel: number): Promise<unknown> {
  return apiRequest(`${base(buyerId)}/vip`, { method: 'PUT', body: { vipLevel } });
}

export async function addNote(buyerId: string, text: string): Promise<NoteView> {
  const { note } = await apiRequest<{ note: NoteView }>(`${base(buyerId)}/notes`, { method: 'POST', body: { text } });
  await reloadCrm(buyerId);
  return note;
}

export async function editNote(buyerId: string, noteId: string, text: string): Promise<void> {
  await apiRequest(`${base(buyerId)}/notes/${encodeURIComponent(noteId)}`, { method: 'PATCH', body: { text } });
  await reloadCrm(buyerId);
}

export async function deleteNote(buyerId: string, noteId: string): Promise<void> {
  await apiRequest(`${base(buyerId)}/notes/${encodeURIComponent(noteId)}`, { method: 'DELETE' });
  await reloadCrm(buyerId);
}

export async function listTags(): Promise<TagView[]> {
  return (await apiRequest<{ tags: TagView[] }>('/api/v1/customer-tags')).tags;
}

export async function createTag(name: string, color: TagView['color']): Promise<TagView> {
  return (await apiRequest<{ tag: TagView }>('/api/v1/customer-tags', { method: 'POST', body: { name, color } })).tag;
}

export async function listSegments(): Promise<SegmentView[]> {
  return (await apiRequest<{ segments: SegmentView[] }>('/api/v1/segments')).segments;
}

export async function saveSegment(name: string, filter: SegmentFilter, id?: string): Promise<SegmentView> {
  const path = id ? `/api/v1/segments/${encodeURIComponent(id)}` : '/api/v1/segments';
  return (await apiRequest<{ segment: SegmentView }>(path, { method: id ? 'PUT' : 'POST', body: { name, filter } })).segment;
}

export function deleteSegment(id: string): Promise<unknown> {
  return apiRequest(`/api/v1/segments/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export interface CustomerListParams {
  segmentId?: string;
  filter: SegmentFilter;
  sort: 'last_order' | 'spent' | 'orders' | 'recent';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A page of buyers matching the segment and/or filter. */
export function listCustomers(params: CustomerListParams, signal?: AbortSignal): Promise<ListCustomersResponse> {
  const f = params.filter;
  return apiRequest<ListCustomersResponse>('/api/v1/customers', {
    signal,
    query: {
      segmentId: params.segmentId,
      tagIds: f.tagIds?.length ? f.tagIds.join(',') : undefined,
      vipMin: f.vipMin,
      customerType: f.customerType,
      orderCountMin: f.orderCountMin,
      orderCountMax: f.orderCountMax,
      spentMinFen: f.spentMinFen,
      silentDays: f.silentDays,
      blocked: f.blocked === undefined ? undefined : String(f.blocked),
      province: f.province,
      q: f.q,
      sort: params.sort,
      order: params.order,
      page: params.page,
      pageSize: params.pageSize,
    },
  });
}
