import type { QualityRule, QualityRulesResponse } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export function fetchQualityRules(signal?: AbortSignal): Promise<QualityRulesResponse> {
  return apiRequest<QualityRulesResponse>('/api/v1/quality/rules', { signal });
}

export function saveQualityRules(rules: QualityRule[]): Promise<QualityRulesResponse> {
  return apiRequest<QualityRulesResponse>('/api/v1/quality/rules', { method: 'PUT', body: { rules } });
}

export function resetQualityRules(): Promise<QualityRulesResponse> {
  return apiRequest<QualityRulesResponse>('/api/v1/quality/rules/reset', { method: 'POST' });
}
