import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { CustomerCrmView } from './crm.js';

export const SkuView = z.object({
  id: Id,
  props: z.record(z.string(), z.string()).describe('e.g. {"颜色":"黑色","尺码":"M"}'),
  priceFen: Fen,
  stock: z.number().int(),
});

export const SizeChartRow = z.object({
  size: z.string(),
  heightCm: z.tuple([z.number(), z.number()]).optional(),
  weightKg: z.tuple([z.number(), z.number()]).optional(),
});

export const ProductView = z.object({
  id: Id,
  title: z.string(),
  category: z.string(),
  priceFen: Fen,
  imageUrl: z.string().nullable(),
  description: z.string(),
  listingNotes: z.string().nullable(),
  skus: z.array(SkuView),
  sizeChart: z.array(SizeChartRow).nullable(),
  /** Shipping weight in grams (null: not given). */
  weightG: z.number().int().nullable(),
});
export type ProductView = z.infer<typeof ProductView>;

export const PUBLIC_PRODUCTS_PAGE = 20;
export const PUBLIC_PRODUCTS_PAGE_MAX = 50;

/** The public catalogue comes in pages: `cursor` is the previous page's `nextCursor`. */
export const ListProductsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(`page size: ${PUBLIC_PRODUCTS_PAGE} unless given, at most ${PUBLIC_PRODUCTS_PAGE_MAX} (more is capped)`),
  cursor: z.string().max(200).optional(),
});
export type ListProductsQuery = z.infer<typeof ListProductsQuery>;

export const ListProductsResponse = z.object({
  products: z.array(ProductView),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ListProductsResponse = z.infer<typeof ListProductsResponse>;

export const OrderStatus = z.enum(['pending_payment', 'paid', 'shipped', 'signed', 'completed', 'closed']);
export type OrderStatus = z.infer<typeof OrderStatus>;
/** Orders in these states were paid: they count as 成交 and toward a buyer's total spend. */
export const PAID_ORDER_STATUSES = ['paid', 'shipped', 'signed', 'completed'] as const satisfies readonly OrderStatus[];

export const OrderItemView = z.object({
  productId: z.string().max(64).describe("empty when the line's product is not in the catalogue (e.g. a synced order)"),
  skuId: Id.nullable(),
  title: z.string(),
  skuProps: z.record(z.string(), z.string()),
  priceFen: Fen,
  quantity: z.number().int(),
  imageUrl: z.string().nullable(),
});

export const OrderView = z.object({
  id: Id,
  orderNo: z.string(),
  status: OrderStatus,
  totalFen: Fen,
  items: z.array(OrderItemView),
  receiver: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  memo: z.string().nullable(),
  memoFlag: z.enum(['red', 'yellow', 'green', 'blue', 'purple']).nullable(),
  closeReason: z.string().nullable(),
  /** The total before 改价; null when the price was never changed. */
  originalTotalFen: Fen.nullable(),
  placedAt: IsoDateTime,
  paidAt: IsoDateTime.nullable(),
  shippedAt: IsoDateTime.nullable(),
  signedAt: IsoDateTime.nullable(),
  completedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** The parcel's weight from its products' weights; null when one is not given. */
  weightKg: z.number().nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

/** What a buyer sees of their own order: never the seller's 备注, its flag or internal figures. */
export const BuyerOrderView = OrderView.pick({
  id: true,
  orderNo: true,
  status: true,
  totalFen: true,
  items: true,
  receiver: true,
  carrier: true,
  trackingNo: true,
  closeReason: true,
  originalTotalFen: true,
  placedAt: true,
  paidAt: true,
  shippedAt: true,
  signedAt: true,
  completedAt: true,
  closedAt: true,
});
export type BuyerOrderView = z.infer<typeof BuyerOrderView>;

/** A product the buyer looked at (浏览足迹), reported by the widget. */
export const Footprint = z.object({
  productId: Id,
  title: z.string(),
  priceFen: Fen,
  imageUrl: z.string().nullable(),
  viewedAt: IsoDateTime,
  /** How many times in the period shown. */
  views: z.number().int(),
});
export type Footprint = z.infer<typeof Footprint>;

export const RecordFootprintRequest = z.object({ productId: Id });

export const CustomerProfile = z.object({
  buyer: z.object({
    id: Id,
    nick: z.string(),
    phone: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    vipLevel: z.number().int(),
    createdAt: IsoDateTime,
    lastSeenAt: IsoDateTime.nullable(),
    /** The shop's own customer id: set once the shop's system vouched for this buyer (signed identity, store events). */
    externalId: z.string().nullable(),
    /** False for a self-declared widget visitor: its nick is its own claim, not a customer the shop knows. */
    verified: z.boolean().optional(),
  }),
  stats: z.object({ orderCount: z.number().int(), paidOrderCount: z.number().int(), totalSpentFen: Fen }),
  orders: z.array(OrderView),
  /** Latest products viewed, newest first. */
  footprints: z.array(Footprint).optional(),
  /** Tags, notes, customer type, addresses, blacklist (客户 360). */
  crm: CustomerCrmView.optional(),
  /** The buyer's after-sales cases, newest first (the case view has the rest): type and state are the cases' codes. */
  cases: z
    .array(
      z.object({
        id: Id,
        caseNo: z.string(),
        type: z.string(),
        state: z.string(),
        orderId: Id,
        orderNo: z.string(),
        overdue: z.boolean(),
        createdAt: IsoDateTime,
      }),
    )
    .optional(),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;
