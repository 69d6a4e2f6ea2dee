import type { WidgetApi } from './api-client.js';
import type { BuyerSatisfactionView, RateSatisfactionRequest } from './types.js';

type InvitationResponse = { invitation: BuyerSatisfactionView | null };

/** The buyer's 满意度 routes under /api/v1/widget/satisfaction. */
export class SatisfactionApi {
  readonly #api: WidgetApi;

  constructor(api: WidgetApi) {
    this.#api = api;
  }

  /** The latest invitation of the buyer's conversation and their rating of it (null: never invited). */
  async latest(): Promise<BuyerSatisfactionView | null> {
    return (await this.#api.request<InvitationResponse>('GET', '/api/v1/widget/satisfaction')).invitation;
  }

  /** Rates the invitation, once. */
  async rate(request: RateSatisfactionRequest): Promise<BuyerSatisfactionView> {
    const response = await this.#api.request<InvitationResponse>('POST', '/api/v1/widget/satisfaction', { json: request });
    return response.invitation!;
  }
}
