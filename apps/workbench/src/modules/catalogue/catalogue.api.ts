import type {
  BundleRequest,
  BundleView,
  CatalogueProduct,
  CatalogueProductDetail,
  CreateProductRequest,
  ListCatalogueResponse,
  SendMessageResponse,
  SizeAdviceResponse,
  SkuInput,
  Suggestion,
  UpdateProductRequest,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { applyMessageToSummary, mergeMessages } from '../conversations';

const productPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;
type Detail = { product: CatalogueProductDetail };

export interface ProductFilter {
  q?: string;
  category?: string;
  archived?: 'exclude' | 'include' | 'only';
  page: number;
  pageSize: number;
}

export function listProducts(filter: ProductFilter, signal?: AbortSignal): Promise<ListCatalogueResponse> {
  return apiRequest<ListCatalogueResponse>('/api/v1/products', { query: { ...filter }, signal });
}

export async function getProduct(id: string, signal?: AbortSignal): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(productPath(id), { signal })).product;
}

export async function createProduct(body: CreateProductRequest): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>('/api/v1/products', { method: 'POST', body })).product;
}

export async function updateProduct(id: string, body: UpdateProductRequest): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(productPath(id), { method: 'PATCH', body })).product;
}

export async function setArchived(id: string, archived: boolean): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(`${productPath(id)}/${archived ? 'archive' : 'restore'}`, { method: 'POST', body: {} }))
    .product;
}

export async function addSku(id: string, body: SkuInput): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(`${productPath(id)}/skus`, { method: 'POST', body })).product;
}

export async function updateSku(id: string, skuId: string, body: Partial<SkuInput>): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(`${productPath(id)}/skus/${encodeURIComponent(skuId)}`, { method: 'PATCH', body })).product;
}

export async function removeSku(id: string, skuId: string): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(`${productPath(id)}/skus/${encodeURIComponent(skuId)}`, { method: 'DELETE' })).product;
}

export async function setRelated(id: string, productIds: string[]): Promise<CatalogueProductDetail> {
  return (await apiRequest<Detail>(`${productPath(id)}/related`, { method: 'PUT', body: { productIds } })).product;
}

export function sizeAdvice(id: string, height: number, weight: number): Promise<SizeAdviceResponse> {
  return apiRequest<SizeAdviceResponse>(`${productPath(id)}/size-advice`, { query: { height, weight } });
}

export async function listBundles(signal?: AbortSignal): Promise<BundleView[]> {
  return (await apiRequest<{ bundles: BundleView[] }>('/api/v1/bundles', { signal })).bundles;
}

export async function saveBundle(id: string | null, body: BundleRequest): Promise<BundleView> {
  const path = id ? `/api/v1/bundles/${encodeURIComponent(id)}` : '/api/v1/bundles';
  return (await apiRequest<{ bundle: BundleView }>(path, { method: id ? 'PUT' : 'POST', body })).bundle;
}

export function deleteBundle(id: string): Promise<void> {
  return apiRequest<void>(`/api/v1/bundles/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** 连带需求 for the right pane. */
export async function listSuggestions(buyerId: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return (
    await apiRequest<{ suggestions: Suggestion[] }>(`/api/v1/customers/${encodeURIComponent(buyerId)}/suggestions`, { signal })
  ).suggestions;
}

/** Sends a product card into the conversation (one click from 连带需求). */
export async function sendProductCard(conversationId: string, productId: string): Promise<void> {
  const answer = await apiRequest<SendMessageResponse>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    body: { kind: 'product', productId, body: '', clientMsgId: crypto.randomUUID() },
  });
  mergeMessages(conversationId, [answer.message]);
  applyMessageToSummary(answer.message, true);
}

export type { CatalogueProduct };
