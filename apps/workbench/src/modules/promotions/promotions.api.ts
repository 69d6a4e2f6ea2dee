import type { PromotionInput, PromotionView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export async function fetchPromotions(signal?: AbortSignal): Promise<PromotionView[]> {
  return (await apiRequest<{ promotions: PromotionView[] }>('/api/v1/promotions', { signal })).promotions;
}

export async function savePromotion(input: PromotionInput, id?: string): Promise<PromotionView> {
  const path = id ? `/api/v1/promotions/${encodeURIComponent(id)}` : '/api/v1/promotions';
  return (await apiRequest<{ promotion: PromotionView }>(path, { method: id ? 'PUT' : 'POST', body: input })).promotion;
}

export async function deletePromotion(id: string): Promise<void> {
  await apiRequest(`/api/v1/promotions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
