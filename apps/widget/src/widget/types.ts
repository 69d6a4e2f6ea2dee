// Types only: `import type` keeps zod out of the bundle.
import type {
  BuyerCaseView,
  BuyerSatisfactionView,
  RateSatisfactionRequest,
  CaseType,
  ClientFrame,
  ListMessagesResponse,
  Message,
  MessageKind,
  OrderCard,
  OrderView,
  ProductCard,
  SendMessageResponse,
  ServerFrame,
  ServiceStatus,
  UploadResponse,
  WidgetSessionResponse,
} from '@golddesk/contracts';

export type {
  BuyerCaseView,
  BuyerSatisfactionView,
  RateSatisfactionRequest,
  CaseType,
  ClientFrame,
  ListMessagesResponse,
  Message,
  MessageKind,
  OrderCard,
  OrderView,
  ProductCard,
  SendMessageResponse,
  ServerFrame,
  ServiceStatus,
  UploadResponse,
  WidgetSessionResponse,
};

/** What the shop's backend signed, passed to `GoldDesk.identify` (see docs/integration.md). */
export interface BuyerIdentity {
  /** The shop's own customer id. */
  externalId: string;
  /** Unix seconds when it was signed; valid 24 h. */
  timestamp: number;
  /** hex HMAC-SHA256(identitySecret, `${externalId}.${timestamp}`). */
  signature: string;
  /** Name shown to agents when GoldDesk does not know this customer yet. */
  nick?: string;
}

/** What the shop page passes to `GoldDesk.setViewingProduct`. */
export interface ViewingProduct {
  /** Product id in the shop (as in /api/v1/shops/:slug/products). */
  id: string;
  title: string;
  /** Price in integer fen. */
  priceFen: number;
  imageUrl?: string | null;
}

/** The buyer session the widget holds. */
export interface WidgetSession {
  token: string;
  conversationId: string;
  buyerId: string;
  /** Shop display name, when the server sent it. */
  shopName?: string;
  /** Last seq of the conversation when the session was created. */
  lastSeq?: number;
  /** How far the shop has read, when the session was created. */
  agentReadSeq?: number;
  /** The shop vouched for this buyer (identify): they may see and send their orders. */
  verified?: boolean;
}

/** A message the buyer sent that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMsgId: string;
  kind: MessageKind;
  body: string;
  attachmentId?: string;
  productId?: string;
  orderId?: string;
  /** Card shown while a product message is pending. */
  product?: ProductCard;
  /** Card shown while an order message is pending. */
  order?: OrderCard;
  /** Image bytes still to upload (kept in memory only). */
  file?: Blob;
  /** Local object URL for an image preview. */
  previewUrl?: string;
  status: 'sending' | 'failed';
  /** Why it failed, shown to the buyer. */
  error?: string;
  createdAt: string;
}
