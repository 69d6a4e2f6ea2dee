import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { ServerText } from './server-texts.js';

/** Longest text a single chat message may carry. Longer → 413. */
export const MAX_MESSAGE_LENGTH = 5000;
/** Most messages one history page returns; larger limits are capped. */
export const MAX_PAGE_SIZE = 200;

export const MessageSender = z.enum(['buyer', 'agent', 'bot', 'system']);
export type MessageSender = z.infer<typeof MessageSender>;

export const MessageKind = z.enum(['text', 'image', 'product', 'order']);
export type MessageKind = z.infer<typeof MessageKind>;

export const ImageAttachment = z.object({ id: Id, url: z.string(), contentType: z.string(), size: z.number().int() });
export type ImageAttachment = z.infer<typeof ImageAttachment>;

export const ProductCard = z.object({
  productId: Id,
  title: z.string(),
  priceFen: Fen,
  imageUrl: z.string().nullable(),
  url: z.string().nullable().optional(),
});
export type ProductCard = z.infer<typeof ProductCard>;

/** What an order card in chat shows. */
export const OrderCard = z.object({
  orderId: Id,
  orderNo: z.string(),
  status: z.string(),
  totalFen: Fen,
  itemCount: z.number().int(),
  title: z.string().describe('first item title, "等 N 件" appended when more'),
  imageUrl: z.string().nullable(),
});
export type OrderCard = z.infer<typeof OrderCard>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int().min(1).describe('strictly increasing within the conversation, from 1'),
  sender: MessageSender,
  body: z.string().describe('verbatim text; render as text, never HTML'),
  createdAt: IsoDateTime,
  kind: MessageKind.default('text'),
  clientMsgId: z.string().nullable().optional(),
  agent: z.object({ id: Id, name: z.string() }).nullable().optional().describe('the agent who wrote it'),
  attachment: ImageAttachment.nullable().optional(),
  product: ProductCard.nullable().optional(),
  order: OrderCard.nullable().optional().describe('kind "order": the order card'),
  notice: ServerText.nullable()
    .optional()
    .describe(
      'a line the server wrote (system sender): its code and parameters, for agents reading in another language than `body`',
    ),
});
export type Message = z.infer<typeof Message>;

export const ClientMsgId = z.string().min(1).max(64);

/** What a buyer or agent sends. Text needs a non-blank body; images and product cards carry a reference. */
export const SendMessageRequest = z.object({
  body: z
    .string()
    .max(MAX_MESSAGE_LENGTH * 100)
    .default(''),
  clientMsgId: ClientMsgId,
  kind: MessageKind.default('text'),
  attachmentId: Id.optional(),
  productId: Id.optional(),
  /** An order of this conversation's buyer, for kind "order". */
  orderId: Id.optional(),
});
export type SendMessageRequest = z.input<typeof SendMessageRequest>;

export const SendMessageResponse = z.object({ message: Message });
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

export const ListMessagesQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).optional().describe('messages with seq greater than this, ascending'),
  beforeSeq: z.coerce.number().int().min(1).optional().describe('scroll-back: the page just before this seq, ascending'),
  limit: z.coerce.number().int().min(1).optional().describe(`capped at ${MAX_PAGE_SIZE}`),
});
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;

export const ListMessagesResponse = z.object({ messages: z.array(Message), hasMore: z.boolean().optional() });
export type ListMessagesResponse = z.infer<typeof ListMessagesResponse>;

export const MarkReadRequest = z.object({ seq: z.number().int().min(0) });

export const UploadResponse = z.object({ attachment: ImageAttachment });
export type UploadResponse = z.infer<typeof UploadResponse>;
