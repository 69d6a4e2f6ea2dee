import type {
  AgentView,
  MeasureFactKind,
  MeasureFactsResponse,
  MeasureGrouping,
  MeasuresResponse,
  MeasureTargets,
  ResponseDistribution,
  RoutingSettings,
  SatisfactionBreakdown,
} from '@golddesk/contracts';
import { ApiError, apiRequest } from '../../platform/api-client';
import { currentLanguage, i18next } from '../../platform/i18n';
import { getSession } from '../../platform/session';

const BASE = '/api/v1/measures';

/** Whose figures and when: a China date range (inclusive), optionally one agent's or one group's. */
export interface MeasureFilter {
  from: string;
  to: string;
  agentId?: string;
  group?: string;
}

/** Narrows a drill-down to the hour of the day that was clicked (a day, an agent or a group narrows the filter). */
export interface FactsNarrowing {
  hour?: number;
}

/** The figures table: one row per agent, group, day, hour or the shop, with the range's total and the targets. */
export async function fetchMeasures(filter: MeasureFilter, by: MeasureGrouping, signal?: AbortSignal) {
  return apiRequest<MeasuresResponse>(BASE, { query: { ...filter, by }, signal });
}

/** Counted turns per response-time bucket. */
export async function fetchDistribution(filter: MeasureFilter, signal?: AbortSignal) {
  return apiRequest<ResponseDistribution>(`${BASE}/distribution`, { query: { ...filter }, signal });
}

/** Ratings by score and by reason. */
export async function fetchSatisfaction(filter: MeasureFilter, signal?: AbortSignal) {
  return apiRequest<SatisfactionBreakdown>(`${BASE}/satisfaction`, { query: { ...filter }, signal });
}

/** One page of the rows a figure is computed from. */
export async function fetchFacts(
  kind: MeasureFactKind,
  filter: MeasureFilter & FactsNarrowing,
  page: { limit: number; offset: number },
  signal?: AbortSignal,
) {
  return apiRequest<MeasureFactsResponse>(`${BASE}/facts`, { query: { kind, ...filter, ...page }, signal });
}

/** The shop's targets (every agent reads them: they are drawn on the charts). */
export async function fetchTargets(signal?: AbortSignal): Promise<MeasureTargets> {
  return apiRequest<MeasureTargets>(`${BASE}/targets`, { signal });
}

/** Saves the shop's targets (owner, managers: measures.configure). */
export async function saveTargets(targets: MeasureTargets): Promise<MeasureTargets> {
  return apiRequest<MeasureTargets>(`${BASE}/targets`, { method: 'PUT', body: targets });
}

/** The agents for the filter (names of everyone, disabled ones too: they may have figures in the range). */
export async function fetchAgents(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<{ agents: AgentView[] }>('/api/v1/team/agents', { signal })).agents;
}

/** The shop's routing groups for the filter. */
export async function fetchGroups(signal?: AbortSignal): Promise<RoutingSettings['groups']> {
  return (await apiRequest<{ routing: RoutingSettings }>('/api/v1/settings/routing', { signal })).routing.groups;
}

/** What an export holds: the figures table (grouped `by`) or one kind of facts (of one hour of the day, as drilled), under the same filter. */
export type ExportTable = { table: 'figures'; by: MeasureGrouping } | { table: MeasureFactKind; hour?: number };

/** Downloads an export with the agent's token and saves it under the name the server gives (Content-Disposition). */
export async function downloadExport(what: ExportTable, filter: MeasureFilter, format: 'csv' | 'xlsx'): Promise<string> {
  const query = new URLSearchParams({ table: what.table, format, from: filter.from, to: filter.to });
  if (filter.agentId) query.set('agentId', filter.agentId);
  if (filter.group) query.set('group', filter.group);
  if (what.table === 'figures') query.set('by', what.by);
  else if (what.hour !== undefined) query.set('hour', String(what.hour));
  const response = await fetch(`${BASE}/export?${query}`, {
    headers: { Authorization: `Bearer ${getSession()?.token ?? ''}`, 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) {
    const envelope = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(
      response.status,
      envelope?.error?.code ?? `http_${response.status}`,
      envelope?.error?.message ?? i18next.t('error.generic'),
    );
  }
  const file = fileNameOf(response.headers.get('Content-Disposition')) ?? `measures-${what.table}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return file;
}

/** The file name of a Content-Disposition header: filename*=UTF-8''… (Chinese names) before the plain filename="…". */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() ?? null;
}
