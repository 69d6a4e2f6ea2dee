import type { ShopHours } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export interface ShopHoursState {
  hours: ShopHours;
  openNow: boolean;
  quietNow: boolean;
}

export function fetchShopHours(signal?: AbortSignal): Promise<ShopHoursState> {
  return apiRequest<ShopHoursState>('/api/v1/shop-hours', { signal });
}

export function saveShopHours(hours: ShopHours): Promise<ShopHoursState> {
  return apiRequest<ShopHoursState>('/api/v1/shop-hours', { method: 'PUT', body: hours });
}
