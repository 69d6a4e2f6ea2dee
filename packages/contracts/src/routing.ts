import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/**
 * Routing (分流): which group a buyer belongs to, and which member of it serves them. Groups have members (agents) and
 * a strategy; rules pick the group; agents take buyers up to their capacity, the rest wait in the group's queue.
 */

/** The groups every shop has; a shop adds its own beside them. */
export const BUILT_IN_GROUPS = ['presale', 'aftersale', 'support'] as const;
export type BuiltInGroup = (typeof BUILT_IN_GROUPS)[number];

export const GroupKey = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _');
export type GroupKey = z.infer<typeof GroupKey>;

/** least_busy: the member with the fewest buyers now; round_robin: in turn; weighted: new buyers shared by weight. */
export const RoutingStrategy = z.enum(['least_busy', 'round_robin', 'weighted']);
export type RoutingStrategy = z.infer<typeof RoutingStrategy>;

export const RoutingGroup = z.object({
  key: GroupKey,
  /** Shown to agents; built-in groups are named in the viewer's language when left empty. */
  name: z.string().trim().max(20).default(''),
  strategy: RoutingStrategy.default('least_busy'),
});
export type RoutingGroup = z.infer<typeof RoutingGroup>;

/** Where the buyer opened the chat from (the widget says so): the shop, a product page, an order page. */
export const EntryKind = z.enum(['shop', 'product', 'order']);
export type EntryKind = z.infer<typeof EntryKind>;

/** China-time wall clock, e.g. 2026-11-11T00:00 (a campaign day). */
const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:mm (China time)');

/** A rule: all its conditions hold → the buyer goes to `group`. Rules are tried in order; the first match wins. */
export const RoutingRule = z
  .object({
    id: z.string().max(40).optional(),
    name: z.string().trim().max(40).default(''),
    enabled: z.boolean().default(true),
    /** The group the rule sends buyers to; must be one of the shop's groups. */
    group: GroupKey,
    /** The page the buyer came from. */
    entry: EntryKind.optional(),
    /** Any of these words in the buyer's first message. */
    keywords: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
    /** Only between these China-time moments (e.g. the whole of 11-11). */
    from: LocalDateTime.optional(),
    to: LocalDateTime.optional(),
  })
  .refine((rule) => rule.entry || rule.keywords?.length || rule.from || rule.to, {
    message: 'a rule needs at least one condition (entry, keywords or a time window)',
    path: ['keywords'],
  })
  .refine((rule) => !rule.from || !rule.to || rule.from < rule.to, { message: 'from must be before to', path: ['to'] });
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingSettings = z.object({
  /** Off: nobody is assigned automatically; every agent takes buyers from 待接待 by hand (抢单). */
  autoAssign: z.boolean().default(true),
  /** The shop's groups: the three built-in ones always, plus its own. */
  groups: z.array(RoutingGroup).max(30).default([]),
  rules: z.array(RoutingRule).max(100).default([]),
  /** A buyer with an open case, or a signed order inside its after-sales window, goes to 售后. */
  aftersaleByBuyerState: z.boolean().default(true),
  /** Where a buyer goes when no rule matched. */
  defaultGroup: GroupKey.default('presale'),
  /** A returning buyer goes back to their last agent (if online with room) within this many hours; 0: never. */
  stickyHours: z.number().int().min(0).max(720).default(24),
  /** An assigned buyer without a first reply after this many seconds goes to the next agent; 0: never. */
  reassignAfterSeconds: z.number().int().min(0).max(3600).default(100),
  /** The monitor alerts the managers when a buyer has waited this long. */
  managerAlertSeconds: z.number().int().min(30).max(3600).default(180),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = RoutingSettings.parse({
  groups: BUILT_IN_GROUPS.map((key) => ({ key })),
});

export const RoutingSettingsResponse = z.object({ routing: RoutingSettings });

/** Concurrent buyers an agent serves unless the shop says otherwise. */
export const DEFAULT_AGENT_CAPACITY = 10;

/** POST /api/v1/conversations/:id/transfer. */
export const TransferConversationRequest = z
  .object({
    toAgentId: Id.optional(),
    toGroup: GroupKey.optional(),
    note: z.string().trim().max(500).default(''),
  })
  .refine((body) => !!body.toAgentId !== !!body.toGroup, {
    message: 'give either toAgentId or toGroup',
    path: ['toAgentId'],
  });
export type TransferConversationRequest = z.infer<typeof TransferConversationRequest>;

/** What a colleague handing the buyer over wrote for the next agent (shown first in the chat). */
export const Handoff = z.object({
  kind: z.enum(['transferred', 'reassigned']),
  note: z.string(),
  fromAgent: z.object({ id: Id, name: z.string() }).nullable(),
  at: IsoDateTime,
});
export type Handoff = z.infer<typeof Handoff>;

/** Kinds of assignment events (who had the buyer when), kept for the measures. */
export const ASSIGNMENT_KINDS = ['routed', 'queued', 'taken', 'transferred', 'reassigned', 'taken_over', 'released'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** The buyer's place in the queue (stream frame `queue.position`); null once an agent has them. */
export const QueuePosition = z.object({
  position: z.number().int().min(1).nullable(),
  /** An estimate from the group's recent pace; absent when there is too little to go on. */
  etaSeconds: z.number().int().min(0).optional(),
});
export type QueuePosition = z.infer<typeof QueuePosition>;

/** A buyer as the live monitor lists them. */
export const MonitorBuyer = z.object({
  conversationId: Id,
  buyer: z.object({ id: Id, nick: z.string() }),
  /** Since when the buyer waits for an answer. */
  waitingSince: IsoDateTime,
  /** Their place in the group's queue (queued buyers). */
  position: z.number().int().nullable(),
  assigneeId: Id.nullable(),
  /** The routing group the buyer belongs to (null: not routed). */
  group: z.string().nullable(),
});
export type MonitorBuyer = z.infer<typeof MonitorBuyer>;

export const MonitorGroup = z.object({
  key: z.string(),
  name: z.string(),
  strategy: RoutingStrategy,
  /** Queued buyers, longest wait first. */
  queue: z.array(MonitorBuyer),
  /** Members taking buyers now, and their free slots. */
  membersOnline: z.number().int(),
  freeSlots: z.number().int(),
});
export type MonitorGroup = z.infer<typeof MonitorGroup>;

export const MonitorAgent = z.object({
  id: Id,
  name: z.string(),
  role: z.string(),
  /** As colleagues see it: 离线 while no workbench of theirs is open. */
  status: z.enum(['online', 'busy', 'offline']),
  load: z.number().int(),
  capacity: z.number().int(),
  groups: z.array(z.string()),
  /** Their buyers waiting for an answer, longest first (the first is their oldest unanswered buyer). */
  unanswered: z.array(MonitorBuyer),
});
export type MonitorAgent = z.infer<typeof MonitorAgent>;

/** GET /api/v1/monitor (实时监控, managers). Live: refetch on the stream's conversation/agent/routing frames. */
export const MonitorResponse = z.object({
  /** The server's clock when this was read: waits count from here (the client's clock may differ). */
  at: IsoDateTime,
  /** Red after this many seconds (the reassignment limit, 100 s by default). */
  redAfterSeconds: z.number().int(),
  /** Managers are alerted after this many seconds. */
  alertAfterSeconds: z.number().int(),
  autoAssign: z.boolean(),
  groups: z.array(MonitorGroup),
  agents: z.array(MonitorAgent),
});
export type MonitorResponse = z.infer<typeof MonitorResponse>;
