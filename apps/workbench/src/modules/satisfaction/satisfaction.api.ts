import type {
  ConversationSatisfactionResponse,
  SatisfactionInvitationResponse,
  SatisfactionRatingView,
  SatisfactionSettings,
  SatisfactionSettingsResponse,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** Every invitation of a conversation and its rating, oldest first. */
export async function fetchConversationRatings(conversationId: string): Promise<SatisfactionRatingView[]> {
  const path = `/api/v1/conversations/${encodeURIComponent(conversationId)}/satisfaction`;
  return (await apiRequest<ConversationSatisfactionResponse>(path)).ratings;
}

/** 邀请评价 by hand (409 with the reason when it cannot be sent). */
export async function inviteRating(conversationId: string): Promise<SatisfactionRatingView> {
  const path = `/api/v1/conversations/${encodeURIComponent(conversationId)}/satisfaction-invitation`;
  return (await apiRequest<SatisfactionInvitationResponse>(path, { method: 'POST' })).rating;
}

export async function fetchSatisfactionSettings(signal?: AbortSignal): Promise<SatisfactionSettings> {
  return (await apiRequest<SatisfactionSettingsResponse>('/api/v1/settings/satisfaction', { signal })).settings;
}

export async function saveSatisfactionSettings(settings: SatisfactionSettings): Promise<SatisfactionSettings> {
  return (await apiRequest<SatisfactionSettingsResponse>('/api/v1/settings/satisfaction', { method: 'PUT', body: settings }))
    .settings;
}
