import type { WidgetApi } from './api-client.js';
import type { BuyerCaseView, CaseType } from './types.js';

/** What the buyer asks for in 申请售后 (the contract's BuyerOpenCaseRequest). */
export interface OpenCaseInput {
  /** Fresh per application; the same on a retry after a network error, so the case is opened once. */
  requestId: string;
  type: CaseType;
  orderId: string;
  /** The buyer's own words, required. */
  reason: string;
  /** Refund asked, in fen (refund types only). */
  refundFen?: number;
}

type CaseResponse = { case: BuyerCaseView };

/** The buyer's after-sales (售后) routes under /api/v1/widget/cases (verified buyers only). */
export class CasesApi {
  readonly #api: WidgetApi;

  constructor(api: WidgetApi) {
    this.#api = api;
  }

  /** The buyer's cases, newest first. */
  async list(): Promise<BuyerCaseView[]> {
    return (await this.#api.request<{ cases: BuyerCaseView[] }>('GET', '/api/v1/widget/cases')).cases;
  }

  async open(input: OpenCaseInput): Promise<BuyerCaseView> {
    return (await this.#api.request<CaseResponse>('POST', '/api/v1/widget/cases', { json: input })).case;
  }

  /** The return parcel (退货 / 换货 / 维修): carrier and tracking number. */
  async sendReturnTracking(caseId: string, carrier: string, trackingNo: string): Promise<BuyerCaseView> {
    return this.#post(caseId, 'return-tracking', { carrier, trackingNo });
  }

  /** Uploads a photo (checked by content on the server) and files it under one checklist item. */
  async addEvidence(caseId: string, item: string, file: Blob): Promise<BuyerCaseView> {
    const attachment = await this.#api.upload(file);
    return this.#post(caseId, 'evidence', { item, attachmentId: attachment.id });
  }

  /** 撤销申请 (before the shop acted: 待处理, 待补充凭证, 待买家寄回). */
  async cancel(caseId: string): Promise<BuyerCaseView> {
    return this.#post(caseId, 'cancel', {});
  }

  async #post(caseId: string, action: string, json: object): Promise<BuyerCaseView> {
    const path = `/api/v1/widget/cases/${encodeURIComponent(caseId)}/${action}`;
    return (await this.#api.request<CaseResponse>('POST', path, { json })).case;
  }
}
