import { h } from '../../shared/dom.js';
import type { StreamState } from '../stream-client.js';
import type { ProductCard } from '../types.js';
import { EmojiPicker } from './emoji-picker.js';
import { CHAT_ICON, CLOSE_ICON, IMAGE_ICON, icon } from './icons.js';
import type { MessageList } from './message-list.js';
import { productCard } from './message-view.js';
import { SectionTabs, type PanelSection, type PanelSections } from './section-tabs.js';
import type { ServiceWords } from './service-status-view.js';
import { fitToVisualViewport } from './viewport-fit.js';

/** What the view reports back to the widget. */
export interface PanelHandlers {
  onToggle: () => void;
  onClose: () => void;
  onSendText: (text: string) => void;
  onImage: (file: File) => void;
  onSendProduct: () => void;
  onTyping: () => void;
  onScroll: () => void;
  /** 我的订单 pressed (shown to verified buyers only). */
  onOrders: () => void;
  /** 售后 pressed (verified buyers only). */
  onCases: () => void;
}

const ACCEPTED_IMAGES = 'image/png,image/jpeg,image/gif,image/webp';
// The Enter hint is for a keyboard; on a touch screen the keyboard's own 发送 key (enterkeyhint) says it.
const FINE_POINTER = '(pointer: fine)';
const placeholderFor = (fine: boolean) => (fine ? '输入消息，Enter 发送，Shift+Enter 换行' : '输入消息…');

/** The launcher button and the chat panel; plain DOM, every class prefixed `gd-`. */
export class PanelView {
  readonly root: HTMLElement;
  readonly #launcher: HTMLButtonElement;
  readonly #badge: HTMLElement;
  readonly #panel: HTMLElement;
  readonly #shopName: HTMLElement;
  readonly #status: HTMLElement;
  readonly #serviceNotice: HTMLElement;
  readonly #queueNotice: HTMLElement;
  readonly #emoji: EmojiPicker;
  #unfit: (() => void) | null = null;
  readonly #banner: HTMLElement;
  readonly #typing: HTMLElement;
  readonly #viewing: HTMLElement;
  readonly #input: HTMLTextAreaElement;
  readonly #toast: HTMLElement;
  /** 我的订单 and 售后 in the header. */
  readonly tabs: SectionTabs;
  #toastTimer: number | undefined;
  #viewingProduct: ProductCard | null = null;

  readonly #base: string;
  readonly #handlers: PanelHandlers;

  constructor(list: MessageList, sections: PanelSections, base: string, handlers: PanelHandlers) {
    this.#base = base;
    this.#handlers = handlers;
    // The composer belongs to the chat: 我的订单 and 我的售后 get the whole height.
    this.tabs = new SectionTabs(list.element, sections, handlers, (section) => this.#panel.setAttribute('data-section', section));
    this.#badge = h('span', { class: 'gd-badge', attrs: { hidden: true, 'aria-label': '未读消息' } });
    this.#launcher = h(
      'button',
      {
        class: 'gd-launcher',
        testid: 'gd-launcher',
        attrs: { type: 'button', 'aria-label': '联系客服' },
        on: { click: handlers.onToggle },
      },
      [icon(CHAT_ICON), h('span', { class: 'gd-launcher-label', text: '客服' }), this.#badge],
    );

    this.#shopName = h('div', { class: 'gd-shop-name', text: '在线咨询' });
    const header = h('div', { class: 'gd-header' }, [
      h('div', { class: 'gd-avatar', text: '客' }),
      h('div', { class: 'gd-header-text' }, [
        this.#shopName,
        (this.#status = h('div', { class: 'gd-subtitle', testid: 'gd-status', attrs: { hidden: true, 'aria-live': 'polite' } })),
      ]),
      this.tabs.ordersButton,
      this.tabs.casesButton,
      h('button', { class: 'gd-close', attrs: { type: 'button', 'aria-label': '关闭' }, on: { click: handlers.onClose } }, [
        icon(CLOSE_ICON),
      ]),
    ]);
    this.#banner = h('div', { class: 'gd-banner', attrs: { hidden: true } });
    this.#serviceNotice = h('div', { class: 'gd-service-notice', testid: 'gd-service-notice', attrs: { hidden: true } });
    this.#queueNotice = h('div', {
      class: 'gd-queue-notice',
      testid: 'gd-queue-notice',
      attrs: { hidden: true, role: 'status', 'aria-live': 'polite' },
    });
    this.#typing = h('div', {
      class: 'gd-typing',
      testid: 'gd-typing',
      text: '对方正在输入…',
      attrs: { hidden: true },
    });
    this.#viewing = h('div', { class: 'gd-viewing', attrs: { hidden: true } });
    this.#toast = h('div', { class: 'gd-toast', attrs: { hidden: true, role: 'status' } });

    const fileInput = h('input', { class: 'gd-file', attrs: { type: 'file', accept: ACCEPTED_IMAGES, hidden: true } });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file) handlers.onImage(file);
      fileInput.value = '';
    });
    this.#input = h('textarea', {
      class: 'gd-input',
      testid: 'gd-input',
      attrs: {
        rows: 2,
        placeholder: placeholderFor(matchMedia(FINE_POINTER).matches),
        enterkeyhint: 'send',
        'aria-label': '消息',
        maxlength: 5000,
      },
    });
    matchMedia(FINE_POINTER).addEventListener('change', (query) => (this.#input.placeholder = placeholderFor(query.matches)));
    this.#emoji = new EmojiPicker(this.#input, () => handlers.onTyping());
    this.#input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        this.#submit();
      }
    });
    this.#input.addEventListener('input', () => {
      if (this.#input.value.trim()) handlers.onTyping();
    });
    this.#input.addEventListener('paste', (event) => {
      const files = Array.from(event.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
      if (files.length === 0) return;
      event.preventDefault();
      for (const file of files) handlers.onImage(file);
    });
    const composer = h('div', { class: 'gd-composer' }, [
      h('div', { class: 'gd-tools' }, [
        this.#emoji.button,
        h(
          'button',
          {
            class: 'gd-tool',
            attrs: { type: 'button', title: '发送图片', 'aria-label': '发送图片' },
            testid: 'gd-image',
            on: { click: () => fileInput.click() },
          },
          [icon(IMAGE_ICON)],
        ),
        fileInput,
      ]),
      this.#input,
      h('button', {
        class: 'gd-send',
        text: '发送',
        testid: 'gd-send',
        attrs: { type: 'button' },
        on: { click: () => this.#submit() },
      }),
    ]);
    list.element.addEventListener('scroll', handlers.onScroll, { passive: true });

    this.#panel = h(
      'div',
      { class: 'gd-panel', testid: 'gd-panel', attrs: { role: 'dialog', 'aria-label': '在线客服', hidden: true } },
      [
        header,
        this.#banner,
        this.#serviceNotice,
        this.#queueNotice,
        list.element,
        sections.orders,
        sections.cases,
        this.#typing,
        this.#viewing,
        this.#emoji.grid,
        composer,
        this.#toast,
      ],
    );
    this.root = h('div', { class: 'gd-root', attrs: { id: 'gdw' } }, [this.#panel, this.#launcher]);
  }

  setOpen(open: boolean): void {
    this.#panel.hidden = !open;
    this.root.classList.toggle('gd-root--open', open);
    this.#launcher.setAttribute('aria-expanded', String(open));
    this.#unfit?.();
    this.#unfit = open ? fitToVisualViewport(this.#panel) : null;
    if (!open) this.#emoji.setOpen(false);
    if (open && !matchMedia('(pointer: coarse)').matches) this.#input.focus();
  }

  /** Verified buyers get 我的订单 and 售后; anonymous visitors never see them. */
  setVerified(verified: boolean): void {
    this.tabs.setVerified(verified);
  }

  /** Shows 我的订单 or 我的售后 in place of the message list, or the chat again. */
  setSection(section: PanelSection): void {
    this.tabs.show(section);
  }

  /** Shows 我的订单 in place of the message list, or the chat again. */
  setOrdersOpen(open: boolean): void {
    this.tabs.show(open ? 'orders' : 'chat');
  }

  get ordersOpen(): boolean {
    return this.tabs.section === 'orders';
  }

  setShopName(name: string): void {
    this.#shopName.textContent = name;
  }

  /** 客服在线 / 休息中 · 明天 09:00 上班 / 暂无客服在线 in the header, and a notice when nobody answers soon. */
  setService(words: ServiceWords): void {
    this.#status.replaceChildren(h('i', { class: `gd-dot gd-dot--${words.state}` }), words.short);
    this.#status.hidden = false;
    this.#status.setAttribute('data-state', words.state);
    this.#serviceNotice.textContent = words.notice ?? '';
    this.#serviceNotice.hidden = !words.notice;
  }

  /** 排队中：前面还有 3 位，预计 2 分钟 while the buyer waits in a queue; null hides it. */
  setQueueNotice(text: string | null): void {
    this.#queueNotice.textContent = text ?? '';
    this.#queueNotice.hidden = text === null;
  }

  setUnread(count: number): void {
    this.#badge.hidden = count === 0;
    this.#badge.textContent = count > 99 ? '99+' : String(count);
  }

  setConnection(state: StreamState, everConnected: boolean): void {
    const text =
      state === 'offline' || state === 'connecting' ? (everConnected ? '连接已断开，正在重新连接…' : '正在连接客服…') : '';
    this.#banner.textContent = text;
    this.#banner.hidden = !text;
  }

  setTyping(typing: boolean): void {
    this.#typing.hidden = !typing;
  }

  /** Shows "正在看的商品" with a 发送商品 button, or hides it. */
  setViewingProduct(product: ProductCard | null, alreadySent: boolean): void {
    this.#viewingProduct = product;
    this.#viewing.replaceChildren();
    this.#viewing.hidden = !product;
    if (!product) return;
    this.#viewing.append(
      h('div', { class: 'gd-viewing-label', text: '正在看的商品' }),
      h('div', { class: 'gd-viewing-row' }, [
        productCard(product, this.#base, 'gd-product--compact'),
        h('button', {
          class: 'gd-product-send',
          testid: 'gd-product-send',
          text: alreadySent ? '已发送' : '发送商品',
          attrs: { type: 'button', disabled: alreadySent },
          on: { click: this.#handlers.onSendProduct },
        }),
      ]),
    );
  }

  get currentProduct(): ProductCard | null {
    return this.#viewingProduct;
  }

  showToast(text: string): void {
    this.#toast.textContent = text;
    this.#toast.hidden = false;
    window.clearTimeout(this.#toastTimer);
    this.#toastTimer = window.setTimeout(() => (this.#toast.hidden = true), 3000);
  }

  #submit(): void {
    const text = this.#input.value;
    if (!text.trim()) return;
    this.#input.value = '';
    this.#emoji.setOpen(false);
    this.#handlers.onSendText(text);
    this.#input.focus();
  }
}
