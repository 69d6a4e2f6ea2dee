import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import type { ImportColumn } from './imports.js';

/**
 * Quick replies (快捷短语): team phrases (shop-wide, kept by the owner and managers) and each agent's own
 * personal phrases, in groups (分组), with a shortcut code (快捷编码) typed after `/` in the chat box.
 * Variables such as {订单号} are filled from the conversation before the phrase is inserted.
 */
export const QuickReplyScope = z.enum(['team', 'personal']);
export type QuickReplyScope = z.infer<typeof QuickReplyScope>;

export const QUICK_REPLY_LIMITS = { code: 20, content: 1000, group: 30, teamPhrases: 5000, personalPhrases: 500 } as const;

/** The variables a phrase may contain, written as {名称}. `en` is the English alias ({orderNo}). */
export const QUICK_REPLY_VARIABLES = [
  { name: '买家昵称', en: 'buyerNick', exampleZh: '小鹿乱撞' },
  { name: '客服昵称', en: 'agentName', exampleZh: '售前-糖糖' },
  { name: '订单号', en: 'orderNo', exampleZh: '20261100007777' },
  { name: '商品名', en: 'productTitle', exampleZh: '纯棉宽松短袖T恤' },
  { name: '物流公司', en: 'carrier', exampleZh: '圆通速递' },
  { name: '物流单号', en: 'trackingNo', exampleZh: 'YT4300000130217' },
  { name: '付款金额', en: 'amount', exampleZh: '129.00' },
  { name: '店铺活动', en: 'promotions', exampleZh: '双11预售定金翻倍，满199减20' },
  { name: '店铺名', en: 'shopName', exampleZh: '小美家 · 美妆服饰' },
  { name: '包邮门槛', en: 'freeShipping', exampleZh: '满 88 元' },
  { name: '营业时间', en: 'businessHours', exampleZh: '每天 09:00-23:00' },
] as const;
export type QuickReplyVariableName = (typeof QUICK_REPLY_VARIABLES)[number]['name'];

/** The variables that come from one order of the buyer; a phrase takes them all from the same order. */
export const ORDER_VARIABLES: readonly QuickReplyVariableName[] = ['订单号', '付款金额', '商品名', '物流公司', '物流单号'];

/** Import/export columns as a 千牛 user knows them. */
export const QUICK_REPLY_COLUMNS: readonly ImportColumn[] = [
  { key: 'group', zh: '分组', en: 'group', required: false, aliases: ['分组名称', '分组名', '短语分组'], example: '售前' },
  { key: 'code', zh: '快捷编码', en: 'code', required: false, aliases: ['编码', '快捷码', 'shortcut'], example: '发货' },
  {
    key: 'content',
    zh: '内容',
    en: 'content',
    required: true,
    aliases: ['短语内容', '快捷短语', '回复内容', '短语', 'text'],
    example: '亲，您的订单 {订单号} 已由 {物流公司} 发出，运单号 {物流单号}，请注意查收哦～',
  },
];

export const QuickReplyView = z.object({
  id: Id,
  scope: QuickReplyScope,
  group: z.string().describe('分组; empty = 未分组'),
  code: z.string().nullable().describe('快捷编码, typed after / in the chat box'),
  content: z.string(),
  imageAttachmentId: Id.nullable(),
  imageUrl: z.string().nullable(),
  pinyin: z.array(z.string()).describe("the code's syllables (发货 → fa, huo): typing fahuo, fh or fah finds it"),
  /** How often the caller used it, and the whole team. */
  myUses: z.number().int(),
  teamUses: z.number().int(),
  lastUsedAt: IsoDateTime.nullable(),
  /** Whether the caller may edit or delete it. */
  editable: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type QuickReplyView = z.infer<typeof QuickReplyView>;

export const ListQuickRepliesQuery = z.object({
  q: z.string().max(100).optional().describe('code prefix or words in the content or group'),
  scope: QuickReplyScope.optional(),
});
export const ListQuickRepliesResponse = z.object({
  quickReplies: z.array(QuickReplyView).describe("ranked: code matches, then the caller's uses, then the team's"),
});

export const QuickReplyRequest = z.object({
  scope: QuickReplyScope,
  group: z.string().trim().max(QUICK_REPLY_LIMITS.group).default(''),
  code: z.string().trim().max(QUICK_REPLY_LIMITS.code).nullable().optional(),
  content: z.string().trim().min(1).max(QUICK_REPLY_LIMITS.content),
  imageAttachmentId: Id.nullable().optional(),
});
export type QuickReplyRequest = z.input<typeof QuickReplyRequest>;
export const UpdateQuickReplyRequest = QuickReplyRequest.omit({ scope: true }).partial();
export const QuickReplyResponse = z.object({ quickReply: QuickReplyView });

const VariableValues = z.record(z.string(), z.string());
const MissingVariables = z
  .record(z.string(), z.string())
  .describe('variable name → why it has no value, in the request language');

/** The conversation's variable values; a missing one carries why (shown as a warning, never dropped silently). */
export const QuickReplyVariables = z.object({
  values: VariableValues,
  missing: MissingVariables,
  orderId: Id.nullable().describe('the order the order variables come from'),
  orders: z
    .array(z.object({ orderId: Id, status: z.string(), values: VariableValues, missing: MissingVariables }))
    .optional()
    .describe('each order a phrase may cite, most likely first: a phrase takes the first that fills all its order variables'),
  situation: z
    .object({
      words: z
        .array(z.string())
        .describe("words and topics of the buyer's last message (jieba), ranking the phrases about them first"),
      unpaidOrder: z.boolean(),
      shippedOrder: z.boolean(),
    })
    .optional(),
});
export type QuickReplyVariables = z.infer<typeof QuickReplyVariables>;
export const QuickReplyVariablesQuery = z.object({ conversationId: Id });

export const QuickReplyPreview = z.object({
  text: z.string().describe('the content with every available variable filled; unavailable ones stay as {名称}'),
  missing: z.array(z.object({ name: z.string(), reason: z.string() })),
  unknown: z.array(z.string()).describe('{…} names that are not variables'),
});
export type QuickReplyPreview = z.infer<typeof QuickReplyPreview>;
export const RenderQuickReplyRequest = z.object({ content: z.string().max(QUICK_REPLY_LIMITS.content), conversationId: Id });
export const QuickReplyPreviewResponse = z.object({ preview: QuickReplyPreview });

export const QuickReplyImportQuery = z.object({ scope: QuickReplyScope.default('team') });
export const QuickReplyImportResult = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int().describe('same 快捷编码 already in the scope: its group and content were replaced'),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type QuickReplyImportResult = z.infer<typeof QuickReplyImportResult>;
export const QuickReplyExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  scope: z.enum(['team', 'personal', 'all']).default('team'),
});

const VARIABLE_PATTERN = /\{([^{}\s]{1,20})\}/g;

/** The variable a {name} stands for ({订单号} or its English alias {orderNo}); undefined for other braces. */
export function knownVariable(raw: string): (typeof QUICK_REPLY_VARIABLES)[number] | undefined {
  return QUICK_REPLY_VARIABLES.find((v) => v.name === raw || v.en.toLowerCase() === raw.toLowerCase());
}

/** The {变量} of the known set still in a text (UTF-16 [start, end)): such a text must not reach a buyer. */
export function findUnfilledVariables(text: string): { name: string; start: number; end: number }[] {
  return [...text.matchAll(VARIABLE_PATTERN)].flatMap((m) => {
    const known = knownVariable(m[1]!);
    return known ? [{ name: known.name, start: m.index, end: m.index + m[0].length }] : [];
  });
}

type FillSource = Pick<QuickReplyVariables, 'values' | 'missing'> & Partial<Pick<QuickReplyVariables, 'orders'>>;

/** The values a content is filled with: the shop's and buyer's, and the order variables of the first order that fills them all. */
function valuesFor(content: string, variables: FillSource): Pick<QuickReplyVariables, 'values' | 'missing'> {
  const needed = new Set(
    findUnfilledVariables(content)
      .map((v) => v.name)
      .filter((name) => ORDER_VARIABLES.includes(name as QuickReplyVariableName)),
  );
  if (!needed.size || !variables.orders?.length) return variables;
  const order = variables.orders.find((o) => [...needed].every((name) => o.values[name])) ?? variables.orders[0]!;
  const values = { ...variables.values };
  const missing = { ...variables.missing };
  for (const name of ORDER_VARIABLES) {
    delete values[name];
    delete missing[name];
  }
  return { values: { ...values, ...order.values }, missing: { ...missing, ...order.missing } };
}

/** Fills {变量} from the values; leaves unavailable ones in place and reports them and unknown names. */
export function fillQuickReply(content: string, variables: FillSource): QuickReplyPreview {
  const source = valuesFor(content, variables);
  const missing = new Map<string, string>();
  const unknown = new Set<string>();
  const text = content.replace(VARIABLE_PATTERN, (whole, raw: string) => {
    const known = knownVariable(raw);
    if (!known) {
      unknown.add(raw);
      return whole;
    }
    const value = source.values[known.name];
    if (value !== undefined && value !== '') return value;
    missing.set(known.name, source.missing[known.name] ?? '');
    return whole;
  });
  return { text, missing: [...missing].map(([name, reason]) => ({ name, reason })), unknown: [...unknown] };
}
