import type { WidgetApi } from './api-client.js';
import type { WidgetLanguage } from './language.js';
import { SatisfactionApi } from './satisfaction-api.js';
import type { BuyerSatisfactionView } from './types.js';
import type { ExtraRow } from './ui/message-list.js';
import { satisfactionCard, satisfactionThanks } from './ui/satisfaction-card.js';

/** What the rating prompt needs from the widget. */
export interface SatisfactionPromptOptions {
  api: WidgetApi;
  language: WidgetLanguage;
  /** The chat list must be drawn again (the card came, or gave way to the thanks). */
  changed: () => void;
  /** The card grew: keep the list pinned to the newest line if the buyer was there. */
  resized: () => void;
}

/**
 * 满意度 in the widget: the shop's latest invitation to rate, shown in the chat where it came — the rating card while
 * it waits, the thanks line once rated. Kept current by `satisfaction.invited` / `satisfaction.rated` frames and read
 * again when the widget (re)connects, so a reload shows it as it stands.
 */
export class SatisfactionPrompt {
  readonly #options: SatisfactionPromptOptions;
  readonly #api: SatisfactionApi;
  #invitation: BuyerSatisfactionView | null = null;
  /** The element shown for the invitation in its current state (kept, so a comment being typed survives re-renders). */
  #row: { key: string; element: HTMLElement } | null = null;
  /** Bumped when the buyer changes: a load begun for the previous one is dropped. */
  #generation = 0;

  constructor(options: SatisfactionPromptOptions) {
    this.#options = options;
    this.#api = new SatisfactionApi(options.api);
  }

  /** Reads the latest invitation (session start, reconnect). */
  async load(): Promise<void> {
    const generation = this.#generation;
    const latest = await this.#api.latest().catch(() => undefined);
    if (latest !== undefined && generation === this.#generation) this.#show(latest);
  }

  /** A frame about the buyer's invitation (a new one, or rated in another tab). */
  onInvitation(invitation: BuyerSatisfactionView | undefined): void {
    if (!invitation) return;
    const current = this.#invitation;
    // An older invitation's news never replaces a newer one.
    if (current && current.id !== invitation.id && current.invitedAt > invitation.invitedAt) return;
    this.#show(invitation);
  }

  /** The rows to place among the messages (at the time it was invited). */
  rows(): ExtraRow[] {
    const invitation = this.#invitation;
    if (!invitation || !this.#row) return [];
    return [{ key: this.#row.key, at: invitation.invitedAt, element: this.#row.element }];
  }

  /** Another buyer: nothing of the previous one's invitation stays. */
  clear(): void {
    this.#generation += 1;
    this.#show(null);
  }

  #show(invitation: BuyerSatisfactionView | null): void {
    this.#invitation = invitation;
    const key = invitation ? `rating:${invitation.id}:${invitation.state}` : null;
    if (key === (this.#row?.key ?? null)) return;
    const { language } = this.#options;
    this.#row =
      invitation && key
        ? {
            key,
            element:
              invitation.state === 'rated'
                ? satisfactionThanks(invitation, language)
                : satisfactionCard(invitation, language, {
                    submit: (request) => this.#api.rate(request),
                    onRated: (rated) => this.#show(rated),
                    onStale: () => void this.load(),
                    onResize: () => this.#options.resized(),
                  }),
          }
        : null;
    this.#options.changed();
  }
}
