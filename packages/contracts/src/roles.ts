import { z } from 'zod';
import { AgentRole, RoleKey } from './auth.js';
import { CAPABILITY_KEYS, type Capability } from './capabilities.js';

/** The built-in roles in the order the team page and the matrix list them. */
export const BUILT_IN_ROLES = AgentRole.options;

/** Built-in roles' names; the shop's own roles are named by the owner. */
export const BUILT_IN_ROLE_NAMES: Record<AgentRole, { 'zh-CN': string; en: string }> = {
  owner: { 'zh-CN': '店长', en: 'Shop manager' },
  manager: { 'zh-CN': '主管', en: 'Supervisor' },
  presale: { 'zh-CN': '售前', en: 'Pre-sales' },
  aftersale: { 'zh-CN': '售后', en: 'After-sales' },
  support: { 'zh-CN': '辅助', en: 'Support' },
  trainee: { 'zh-CN': '培训生', en: 'Trainee' },
};

/** Whether the key names a built-in role (the others are `custom-<id>`). */
export function isBuiltInRole(key: string): key is AgentRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(key);
}

/** The matrix's row groups, in order: 会话 / 订单 / 售后 / 客户 / 店铺设置 / 团队. */
export const CapabilityGroup = z.enum(['conversations', 'orders', 'aftersale', 'customers', 'shop', 'team']);
export type CapabilityGroup = z.infer<typeof CapabilityGroup>;

export const CAPABILITY_GROUP_NAMES: Record<CapabilityGroup, { zh: string; en: string }> = {
  conversations: { zh: '会话', en: 'Conversations' },
  orders: { zh: '订单', en: 'Orders' },
  aftersale: { zh: '售后', en: 'After-sales' },
  customers: { zh: '客户', en: 'Customers' },
  shop: { zh: '店铺设置', en: 'Shop settings' },
  team: { zh: '团队', en: 'Team' },
};

type Label = { group: CapabilityGroup; zh: string; en: string };
const row = (group: CapabilityGroup, zh: string, en: string): Label => ({ group, zh, en });

/** Each capability as the matrix shows it: its group and its name in both languages (a new capability needs one). */
export const CAPABILITY_LABELS: Record<Capability, Label> = {
  'conversations.serve': row('conversations', '接待买家', 'Serve buyers'),
  'conversations.see_all': row('conversations', '查看全部会话', 'See all conversations'),
  'conversations.transfer': row('conversations', '转接会话', 'Transfer conversations'),
  'conversations.take_over': row('conversations', '接管同事的买家', "Take over a colleague's buyer"),
  'monitor.view': row('conversations', '监控', 'Live monitor'),
  'quick_replies.use': row('conversations', '使用快捷短语', 'Use quick replies'),
  'measures.view_team': row('team', '查看团队绩效', "See the team's figures"),
  'measures.configure': row('team', '设置绩效目标', 'Set the targets'),
  'quality.inspect': row('team', '质检抽检与评分', 'Sample and score conversations'),
  'quality.configure': row('team', '质检规则', 'Quality-inspection rules'),

  'orders.change_price': row('orders', '改价', 'Change price'),
  'orders.change_price_beyond_limit': row('orders', '改价不受折扣上限', 'Change price beyond the limit'),
  'orders.change_receiver': row('orders', '改收货信息', 'Change the receiver'),
  'orders.change_sku': row('orders', '改规格', 'Change the SKU'),
  'orders.set_memo': row('orders', '订单备注', 'Order memos'),
  'orders.close': row('orders', '关闭订单', 'Close orders'),
  'orders.ship': row('orders', '发货', 'Ship'),
  'orders.update_tracking': row('orders', '改运单号', 'Change tracking numbers'),
  'logistics.follow_up': row('orders', '物流跟进（备注、处理异常）', 'Logistics follow-up (notes, exceptions)'),
  'approvals.decide': row('orders', '审批', 'Decide approvals'),
  'payment_reminders.work_tasks': row('orders', '催付电话/短信', 'Payment-reminder calls'),
  'imports.run': row('orders', '导入', 'Import'),

  'cases.open': row('aftersale', '发起售后', 'Open cases'),
  'cases.compensate': row('aftersale', '售后补偿', 'Give goodwill'),
  'cases.work': row('aftersale', '处理售后单', 'Work cases'),
  'cases.assign_others': row('aftersale', '分派售后单', 'Assign cases to colleagues'),
  'cases.configure_policy': row('aftersale', '售后政策', 'After-sales policy'),
  'cases.set_authority': row('aftersale', '补偿不受额度限制、设置额度', 'Goodwill without limit; set the limits'),
  'cases.see_figures': row('aftersale', '售后数据', 'After-sales figures'),
  'tasks.warehouse': row('aftersale', '仓库任务', 'Warehouse tasks'),
  'tasks.finance': row('aftersale', '财务任务', 'Finance tasks'),
  'tasks.qc': row('aftersale', '质检任务', 'Quality-check tasks'),
  'tasks.follow_up': row('aftersale', '回访任务', 'Follow-up calls'),
  'tasks.reviews': row('aftersale', '中差评跟进', 'Review follow-ups'),

  'buyers.see_full_phone': row('customers', '查看完整手机号', 'See phone numbers in full'),
  'crm.tag_buyer': row('customers', '给买家打标签', 'Tag buyers'),
  'crm.write_note': row('customers', '写买家备注', 'Write buyer notes'),
  'crm.set_type': row('customers', '设置客户类型', 'Set the customer type'),
  'crm.change_any_note': row('customers', '修改他人的备注', "Change colleagues' notes"),
  'crm.manage_tags': row('customers', '管理标签', 'Manage tags'),
  'crm.set_vip': row('customers', '设置会员等级', 'Set VIP levels'),
  'crm.block': row('customers', '黑名单', 'Blacklist'),
  'crm.manage_segments': row('customers', '客户分群', 'Customer segments'),
  'broadcasts.manage': row('customers', '群发', 'Broadcasts'),

  'settings.open': row('shop', '设置', 'Settings page'),
  'routing.configure': row('shop', '分流规则', 'Routing rules'),
  'quick_replies.edit_team': row('shop', '团队快捷短语', 'Team quick replies'),
  'auto_replies.edit': row('shop', '自动回复', 'Auto-replies'),
  'promotions.edit': row('shop', '店铺活动', 'Promotions'),
  'catalogue.edit': row('shop', '商品管理', 'Catalogue'),
  'shop_hours.edit': row('shop', '营业时间', 'Business hours'),
  'logistics.configure': row('shop', '物流设置', 'Logistics settings'),
  'payment_reminders.configure': row('shop', '催付设置', 'Payment-reminder settings'),
  'webhooks.manage': row('shop', 'Webhook', 'Webhooks'),
  'integration.view': row('shop', '对接信息', 'Integration'),
  'integration.rotate_secrets': row('shop', '更换对接密钥', 'Rotate integration secrets'),

  'audit.read': row('team', '操作日志', 'Audit log'),
  'audit.read_personal_data': row('team', '日志中的完整个人信息', 'Personal data in the audit log'),
  'team.manage_owner': row('team', '管理店长账号', 'Manage shop managers'),
  'team.manage_manager': row('team', '管理主管账号', 'Manage supervisors'),
  'team.manage_presale': row('team', '管理售前账号', 'Manage pre-sales agents'),
  'team.manage_aftersale': row('team', '管理售后账号', 'Manage after-sales agents'),
  'team.manage_support': row('team', '管理辅助账号', 'Manage support agents'),
  'team.manage_trainee': row('team', '管理培训生账号', 'Manage trainees'),
  'team.manage_custom': row('team', '管理自定义角色的账号', 'Manage agents of custom roles'),
  'team.view_roles': row('team', '查看角色与权限', 'See roles & permissions'),
  'team.manage_roles': row('team', '编辑角色与权限', 'Edit roles & permissions'),
};

/**
 * Capabilities the owner keeps to themselves: whoever holds them could disable the owner, so granting them to another
 * role could lock the shop out.
 */
export const OWNER_ONLY_CAPABILITIES: readonly Capability[] = ['team.manage_owner'];

/** The most a role may give as goodwill without asking: ¥1,000,000 (what the owner's default stands for). */
export const MAX_COMPENSATION_LIMIT_FEN = 100_000_000;

/** What a role may do without asking a manager: 改价 discount (share of the original total) and goodwill (fen) per case. */
export const RoleLimits = z.object({
  /** 0.1 = 10% off the original total at most; beyond it the 改价 becomes an approval request. */
  discount: z.number().min(0).max(1),
  /** Goodwill per case in fen (500 = ¥5); beyond it the compensation becomes an approval request. */
  compensationFen: z.number().int().min(0).max(MAX_COMPENSATION_LIMIT_FEN),
});
export type RoleLimits = z.infer<typeof RoleLimits>;

/** A role's column of the permissions matrix. */
export const RoleView = z.object({
  key: RoleKey,
  /** Built-in roles in the request's language; the shop's own as the owner named them. */
  name: z.string(),
  builtIn: z.boolean(),
  /** The owner's column: always everything, never changed (nobody may lock the shop out). */
  locked: z.boolean(),
  /** Agents holding the role (disabled ones included): a role in use cannot be deleted. */
  agentCount: z.number().int().min(0),
  capabilities: z.array(z.string()),
  limits: RoleLimits,
});
export type RoleView = z.infer<typeof RoleView>;

/** A row of the matrix: the capability with its group and names. */
export const CapabilityInfo = z.object({
  key: z.string(),
  group: CapabilityGroup,
  zh: z.string(),
  en: z.string(),
  /** Only the owner may hold it. */
  ownerOnly: z.boolean(),
});
export type CapabilityInfo = z.infer<typeof CapabilityInfo>;

/** GET /api/v1/team/roles: the matrix (columns: roles; rows: capabilities in groups). */
export const ListRolesResponse = z.object({
  roles: z.array(RoleView),
  capabilities: z.array(CapabilityInfo),
  groups: z.array(z.object({ key: CapabilityGroup, zh: z.string(), en: z.string() })),
});
export type ListRolesResponse = z.infer<typeof ListRolesResponse>;

/** A custom role's name: what the team page and the matrix show (e.g. 大促临时工). */
export const RoleName = z.string().trim().min(1).max(20);

/** POST /api/v1/team/roles: a new role of the shop, with nothing granted or a copy of another role's grants and limits. */
export const CreateRoleRequest = z.object({
  name: RoleName,
  /** A role of the shop whose capabilities and limits the new one starts with. */
  copyFrom: RoleKey.optional(),
});
export type CreateRoleRequest = z.infer<typeof CreateRoleRequest>;

const CapabilityName = z.enum(CAPABILITY_KEYS as [Capability, ...Capability[]]);

/** PATCH /api/v1/team/roles/:key: rename (the shop's own roles), set the capabilities (the whole column), set limits. */
export const UpdateRoleRequest = z
  .object({
    name: RoleName.optional(),
    /** Every capability the role has after the change (the matrix's column as saved). */
    capabilities: z.array(CapabilityName).max(CAPABILITY_KEYS.length).optional(),
    limits: RoleLimits.partial().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'nothing to change' });
export type UpdateRoleRequest = z.infer<typeof UpdateRoleRequest>;

export const RoleResponse = z.object({ role: RoleView });
export type RoleResponse = z.infer<typeof RoleResponse>;
