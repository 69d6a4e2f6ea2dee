import type { WidgetApi } from './api-client.js';
import { CasesApi } from './cases-api.js';
import type { WidgetLanguage } from './language.js';
import type { BuyerCaseView, OrderView } from './types.js';
import { caseApplyForm } from './ui/case-apply-form.js';
import { AFTERSALE_ORDER_STATES, caseWords } from './ui/cases.locales.js';
import { CasesView } from './ui/cases-view.js';
import type { PanelSection } from './ui/section-tabs.js';

/** What the after-sales part needs from the widget's panel and 我的订单. */
export interface AftersaleOptions {
  api: WidgetApi;
  language: WidgetLanguage;
  /** Server origin, for photo URLs. */
  base: string;
  section: () => PanelSection;
  show: (section: PanelSection) => void;
  /** The dot on 售后. */
  markChanged: () => void;
  /** Puts the 申请售后 form in place of the order list. */
  showForm: (title: string, form: HTMLElement) => void;
  /** The order list again (取消 in the form). */
  backToOrders: () => void;
  toast: (text: string) => void;
}

/**
 * The buyer's after-sales (售后): 申请售后 on paid orders in 我的订单, the 我的售后 list, and `case.updated`
 * frames that keep it current (a dot on 售后 when it changed while the buyer was elsewhere).
 */
export class Aftersale {
  readonly #options: AftersaleOptions;
  readonly #api: CasesApi;
  readonly #t: ReturnType<typeof caseWords>;
  /** 我的售后. */
  readonly view: CasesView;

  constructor(options: AftersaleOptions) {
    this.#options = options;
    this.#api = new CasesApi(options.api);
    this.#t = caseWords(options.language);
    this.view = new CasesView({
      api: this.#api,
      language: options.language,
      base: options.base,
      onBack: () => options.show('chat'),
      onToast: options.toast,
    });
  }

  /** The 申请售后 button of 我的订单 (after payment only). */
  get applyButton(): { label: string; states: readonly string[]; onApply: (order: OrderView) => void } {
    return { label: this.#t('apply'), states: AFTERSALE_ORDER_STATES, onApply: (order) => this.#apply(order) };
  }

  /** The 售后 header button: the list (fetched afresh), or back to the chat. */
  toggle(): void {
    if (this.#options.section() === 'cases') {
      this.#options.show('chat');
      return;
    }
    this.#options.show('cases');
    void this.view.reload();
  }

  /** A `case.updated` frame for this buyer. */
  onCaseUpdated(updated: BuyerCaseView): void {
    this.view.upsert(updated);
    if (this.#options.section() !== 'cases') this.#options.markChanged();
    // Frames are worded in Chinese (the eligibility reason); an English widget asks for its own wording.
    else if (this.#options.language !== 'zh-CN') void this.view.reload();
  }

  /** Another buyer (identify, logout): nothing of the previous one's cases stays. */
  clear(): void {
    this.view.clear();
  }

  #apply(order: OrderView): void {
    const form = caseApplyForm(order, this.#options.language, {
      submit: (input) => this.#api.open(input),
      onOpened: (opened) => {
        this.view.upsert(opened);
        this.#options.show('cases');
        this.#options.toast(this.#t('submitted'));
        void this.view.reload().then(() => this.view.reveal(opened.id));
      },
      onCancel: this.#options.backToOrders,
    });
    this.#options.showForm(this.#t('applyTitle'), form);
  }
}
