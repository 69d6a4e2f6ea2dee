import { h } from '../../shared/dom.js';

/** The sections shown in place of the message list (verified buyers only). */
export interface PanelSections {
  /** 我的订单. */
  orders: HTMLElement;
  /** 我的售后, with its header button's words in the widget's language. */
  cases: HTMLElement;
  casesLabel: string;
  casesUpdatedLabel: string;
}

/** What fills the panel's middle: the chat, 我的订单 or 我的售后. */
export type PanelSection = 'chat' | 'orders' | 'cases';

/**
 * 我的订单 and 售后 in the panel header (verified buyers only): each shows its section in place of the message
 * list; pressed again, the chat comes back. 售后 carries a dot when a case changed while it was not shown.
 */
export class SectionTabs {
  readonly ordersButton: HTMLButtonElement;
  readonly casesButton: HTMLButtonElement;
  readonly #casesDot: HTMLElement;
  readonly #list: HTMLElement;
  readonly #sections: PanelSections;
  readonly #onShow: (section: PanelSection) => void;

  /** `onShow` lets the panel hide what belongs to the chat (the composer) while a section is shown. */
  constructor(
    list: HTMLElement,
    sections: PanelSections,
    handlers: { onOrders: () => void; onCases: () => void },
    onShow: (section: PanelSection) => void,
  ) {
    this.#list = list;
    this.#sections = sections;
    this.#onShow = onShow;
    this.ordersButton = h('button', {
      class: 'gd-orders-button',
      text: '我的订单',
      testid: 'gd-orders-button',
      attrs: { type: 'button', hidden: true },
      on: { click: handlers.onOrders },
    });
    this.#casesDot = h('i', {
      class: 'gd-tab-dot',
      testid: 'gd-cases-dot',
      attrs: { hidden: true, role: 'img', 'aria-label': sections.casesUpdatedLabel },
    });
    this.casesButton = h(
      'button',
      {
        class: 'gd-orders-button',
        testid: 'gd-cases-button',
        attrs: { type: 'button', hidden: true },
        on: { click: handlers.onCases },
      },
      [sections.casesLabel, this.#casesDot],
    );
  }

  setVerified(verified: boolean): void {
    this.ordersButton.hidden = !verified;
    this.casesButton.hidden = !verified;
    if (verified) return;
    this.show('chat');
    this.setCasesChanged(false);
  }

  show(section: PanelSection): void {
    this.#sections.orders.hidden = section !== 'orders';
    this.#sections.cases.hidden = section !== 'cases';
    this.#list.hidden = section !== 'chat';
    this.ordersButton.classList.toggle('gd-orders-button--on', section === 'orders');
    this.casesButton.classList.toggle('gd-orders-button--on', section === 'cases');
    if (section === 'cases') this.setCasesChanged(false);
    this.#onShow(section);
  }

  get section(): PanelSection {
    return !this.#sections.orders.hidden ? 'orders' : !this.#sections.cases.hidden ? 'cases' : 'chat';
  }

  setCasesChanged(changed: boolean): void {
    this.#casesDot.hidden = !changed;
  }
}
