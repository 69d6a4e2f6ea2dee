import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/**
 * Catalogue and order import: a CSV or xlsx file is uploaded raw, checked as a whole (type, size,
 * headers), then imported row by row in the background; progress is read with GET or arrives as
 * `import.progressed` frames.
 */
export const ImportKind = z.enum(['orders', 'products', 'reviews']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportStatus = z.enum(['running', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** Content types an import accepts (the file's bytes decide between CSV and xlsx). */
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** One column of an import file: its Chinese header, the English alias, and whether it must be present. */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** Other headers found in marketplace exports (e.g. 淘宝 "订单编号"). */
  aliases?: readonly string[];
  /** A value for the template file. */
  example: string;
}

/** Orders: one row = one order line; rows with the same 订单号 form one order. */
export const ORDER_IMPORT_COLUMNS = [
  { key: 'order_no', zh: '订单号', en: 'order_no', required: true, aliases: ['订单编号'], example: '2026111100001' },
  { key: 'buyer_nick', zh: '买家昵称', en: 'buyer_nick', required: true, aliases: ['买家会员名'], example: '小鹿爱买买' },
  { key: 'status', zh: '订单状态', en: 'status', required: true, example: '已发货' },
  { key: 'title', zh: '商品名称', en: 'title', required: true, aliases: ['宝贝标题'], example: '纯棉宽松短袖T恤' },
  { key: 'product_id', zh: '商品ID', en: 'product_id', required: false, example: '' },
  { key: 'sku', zh: 'SKU属性', en: 'sku', required: false, aliases: ['销售属性'], example: '颜色:黑色;尺码:M' },
  { key: 'price', zh: '单价', en: 'price', required: true, aliases: ['价格'], example: '129.00' },
  { key: 'quantity', zh: '数量', en: 'quantity', required: true, aliases: ['购买数量'], example: '1' },
  { key: 'total', zh: '实付金额', en: 'total', required: true, aliases: ['买家实际支付金额'], example: '129.00' },
  { key: 'receiver_name', zh: '收货人', en: 'receiver_name', required: false, aliases: ['收货人姓名'], example: '李女士' },
  { key: 'receiver_phone', zh: '手机', en: 'receiver_phone', required: false, aliases: ['联系手机'], example: '13800001234' },
  { key: 'province', zh: '省份', en: 'province', required: false, example: '浙江省' },
  { key: 'address', zh: '收货地址', en: 'address', required: false, example: '杭州市西湖区文三路100号' },
  { key: 'carrier', zh: '物流公司', en: 'carrier', required: false, example: '中通快递' },
  { key: 'tracking_no', zh: '运单号', en: 'tracking_no', required: false, aliases: ['物流单号'], example: '75312345678901' },
  {
    key: 'placed_at',
    zh: '下单时间',
    en: 'placed_at',
    required: true,
    aliases: ['订单创建时间'],
    example: '2026-11-11 00:05:12',
  },
  { key: 'paid_at', zh: '付款时间', en: 'paid_at', required: false, aliases: ['订单付款时间'], example: '2026-11-11 00:06:30' },
  { key: 'shipped_at', zh: '发货时间', en: 'shipped_at', required: false, example: '2026-11-11 16:20:00' },
  { key: 'signed_at', zh: '签收时间', en: 'signed_at', required: false, example: '' },
  { key: 'completed_at', zh: '成交时间', en: 'completed_at', required: false, example: '' },
  { key: 'closed_at', zh: '关闭时间', en: 'closed_at', required: false, example: '' },
  { key: 'memo', zh: '备注', en: 'memo', required: false, aliases: ['商家备注'], example: '' },
] as const satisfies readonly ImportColumn[];

/** Products: same 商品名称 = same product; each row one SKU. */
export const PRODUCT_IMPORT_COLUMNS = [
  { key: 'title', zh: '商品名称', en: 'title', required: true, aliases: ['宝贝标题'], example: '纯棉宽松短袖T恤' },
  { key: 'category', zh: '类目', en: 'category', required: false, example: '女装/T恤' },
  { key: 'price', zh: '价格', en: 'price', required: true, aliases: ['单价'], example: '129.00' },
  { key: 'stock', zh: '库存', en: 'stock', required: false, example: '200' },
  { key: 'sku', zh: 'SKU属性', en: 'sku', required: false, aliases: ['销售属性'], example: '颜色:黑色;尺码:M' },
  { key: 'description', zh: '描述', en: 'description', required: false, example: '260g 精梳棉，宽松版型' },
  { key: 'listing_notes', zh: '温馨提示', en: 'listing_notes', required: false, example: '浅色系请勿与深色衣物混洗' },
  { key: 'weight_g', zh: '重量(克)', en: 'weight_g', required: false, aliases: ['重量', '重量（克）', '毛重'], example: '450' },
] as const satisfies readonly ImportColumn[];

/** Reviews (评价) as a marketplace's export lists them: one row per review. */
export const REVIEW_IMPORT_COLUMNS = [
  { key: 'order_no', zh: '订单号', en: 'order_no', required: true, aliases: ['订单编号'], example: '20261102001' },
  { key: 'rating', zh: '评分', en: 'rating', required: true, aliases: ['评价等级', '星级'], example: '1' },
  { key: 'text', zh: '评价内容', en: 'text', required: false, aliases: ['评价'], example: '洗了一次就褪色了' },
  { key: 'pictures', zh: '图片', en: 'pictures', required: false, aliases: ['评价图片'], example: '' },
  { key: 'reviewed_at', zh: '评价时间', en: 'reviewed_at', required: true, example: '2026-11-26 10:00:00' },
  { key: 'external_id', zh: '评价编号', en: 'external_id', required: false, aliases: ['评价ID'], example: '' },
] as const satisfies readonly ImportColumn[];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  orders: ORDER_IMPORT_COLUMNS,
  products: PRODUCT_IMPORT_COLUMNS,
  reviews: REVIEW_IMPORT_COLUMNS,
};

/** Order statuses as a Chinese seller writes them. */
export const ORDER_STATUS_LABELS = {
  待付款: 'pending_payment',
  已付款: 'paid',
  已发货: 'shipped',
  已签收: 'signed',
  交易成功: 'completed',
  交易关闭: 'closed',
} as const;

export const StartImportQuery = z.object({
  kind: ImportKind,
  name: z.string().max(200).optional().describe('the file name, shown in the import list'),
});

export const ImportRowError = z.object({
  line: z.number().int().min(2).describe('line of the file as the user sees it; the header is line 1'),
  reason: z.string().describe("why the row was not imported, in the request's language"),
  message: z.string().describe('"第 5 行：…" / "line 5: …"'),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportView = z.object({
  id: Id,
  kind: ImportKind,
  status: ImportStatus,
  /** Data rows in the file (the header and blank rows not counted). */
  total: z.number().int(),
  processed: z.number().int(),
  /** Rows written (or already up to date). */
  imported: z.number().int(),
  failed: z.number().int(),
  errors: z.array(ImportRowError).describe('the failed rows, at most the first 1,000'),
  /** Orders (or products) created, updated, and found unchanged (a re-import changes nothing). */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Why the whole import stopped (status failed). */
  failureReason: z.string().nullable(),
  fileName: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type ImportView = z.infer<typeof ImportView>;

export const ImportResponse = z.object({ import: ImportView });
export type ImportResponse = z.infer<typeof ImportResponse>;
export const ListImportsResponse = z.object({ imports: z.array(ImportView) });
export type ListImportsResponse = z.infer<typeof ListImportsResponse>;
