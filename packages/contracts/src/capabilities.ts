import type { AgentRole } from './auth.js';

// Shorthands for the rows below. The table stays plain data (capability → roles): it is every shop's starting point,
// and the permissions matrix (团队 → 角色与权限) stores a shop's changes per role on top of it.
/** The roles that serve buyers on their own; 培训生 (trainee) only chats and uses quick replies until trained. */
const EVERYONE = ['owner', 'manager', 'presale', 'aftersale', 'support'] as const;
const SERVING = [...EVERYONE, 'trainee'] as const;
/** 店长 and 主管: the people who answer for the shop's policy, money beyond limits and integration. */
const MANAGERS = ['owner', 'manager'] as const;

/**
 * What each role may do, in one place for the server (which decides) and the workbench (which only offers what the
 * server will accept). Names say what is allowed, `<noun>.<verb>`; order actions are `orders.<action>`.
 */
export const CAPABILITIES = {
  // Order actions. After-sales takes order edits on peak days, so all may edit; money and closing are not theirs
  // (their discount limit is 0), and 发货 is the warehouse's and after-sales' work: pre-sales does not ship.
  'orders.change_price': ['owner', 'manager', 'presale', 'support'],
  'orders.change_receiver': EVERYONE,
  'orders.change_sku': EVERYONE,
  'orders.set_memo': EVERYONE,
  'orders.close': ['owner', 'manager', 'presale', 'support'],
  'orders.ship': ['owner', 'manager', 'aftersale', 'support'],
  'orders.update_tracking': ['owner', 'manager', 'aftersale', 'support'],
  // 物流跟进: notes on a parcel's timeline and handling logistics exceptions (called the courier, re-sent …).
  'logistics.follow_up': EVERYONE,
  // Nobody is above the owner to approve: their 改价 applies at once, whatever the shop's discount limits say.
  'orders.change_price_beyond_limit': ['owner'],
  'approvals.decide': MANAGERS,

  // After-sales cases: everyone who serves buyers opens them (from the chat or an order) and gives goodwill within the
  // role's limit; moving a case through its states is after-sales work (with support and the managers), pre-sales
  // hands it over. The policy is the managers'; the money each role may give without asking, the owner's.
  'cases.open': EVERYONE,
  'cases.compensate': EVERYONE,
  'cases.work': ['owner', 'manager', 'aftersale', 'support'],
  'cases.assign_others': MANAGERS,
  'cases.configure_policy': MANAGERS,
  'cases.set_authority': ['owner'],
  // The team's figures (goodwill per agent among them) are for those who lead the team.
  'cases.see_figures': MANAGERS,
  // Colleague tasks by inbox: 仓库 work is done by those who ship, 财务 by the managers (money), 质检 by after-sales
  // and the managers; a follow-up call goes to a manager (the seeds: the 店长 calls the buyer the next day).
  'tasks.warehouse': ['owner', 'manager', 'aftersale', 'support'],
  'tasks.finance': MANAGERS,
  'tasks.qc': ['owner', 'manager', 'aftersale'],
  'tasks.follow_up': MANAGERS,
  // 中差评 follow-ups are after-sales work, with the managers.
  'tasks.reviews': ['owner', 'manager', 'aftersale'],

  // Conversations and routing (分流). Serving buyers is everyone's; 查看全部会话 lets an agent see colleagues' buyers
  // (without it: their own and those nobody serves yet); taking over a colleague's buyer and the live monitor are the
  // managers'; transferring to a colleague or a group is everyone's.
  'conversations.serve': SERVING,
  'conversations.see_all': EVERYONE,
  'conversations.transfer': SERVING,
  'conversations.take_over': MANAGERS,
  'monitor.view': MANAGERS,
  'routing.configure': MANAGERS,

  // Measures and quality (绩效与质检). Every agent sees their own figures and inspection results; the team's figures,
  // the targets, sampling and scoring conversations (抽检) and the inspection rules are the managers'.
  'measures.view_team': MANAGERS,
  'measures.configure': MANAGERS,
  'quality.inspect': MANAGERS,
  'quality.configure': MANAGERS,

  // The audit log holds receivers' phones and addresses: managers read it masked, the owner as written.
  'audit.read': MANAGERS,
  'audit.read_personal_data': ['owner'],
  // Phones in full for those who answer for the shop and those whose work is calling buyers (辅助 催付, 售后 pickups);
  // 售前 answers in chat and sees 138****1234.
  'buyers.see_full_phone': ['owner', 'manager', 'aftersale', 'support'],

  // Customers: everyone who serves buyers tags them, writes notes and sets the type; the shop's tag list, VIP levels,
  // the blacklist and saved segments are the managers'. A note is changed by its author or a manager.
  'crm.tag_buyer': EVERYONE,
  'crm.write_note': EVERYONE,
  'crm.set_type': EVERYONE,
  'crm.change_any_note': MANAGERS,
  'crm.manage_tags': MANAGERS,
  'crm.set_vip': MANAGERS,
  'crm.block': MANAGERS,
  'crm.manage_segments': MANAGERS,

  // Quick replies (快捷短语): finding, sending and keeping personal phrases is everyone's; team phrases speak for the shop.
  'quick_replies.use': SERVING,
  // The shop's policy: every agent reads it, the managers change it.
  'quick_replies.edit_team': MANAGERS,
  'auto_replies.edit': MANAGERS,
  'promotions.edit': MANAGERS,
  'catalogue.edit': MANAGERS,
  'broadcasts.manage': MANAGERS,
  'shop_hours.edit': MANAGERS,
  'logistics.configure': MANAGERS,
  'payment_reminders.configure': MANAGERS,
  // Phone/SMS 催付 follow-ups: support (辅助) with pre-sales and the managers; after-sales is not involved.
  'payment_reminders.work_tasks': ['owner', 'manager', 'presale', 'support'],
  // Imports rewrite the catalogue and orders: managers and support, not the front-line chat roles.
  'imports.run': ['owner', 'manager', 'support'],

  // Integration with the shop's own systems.
  'webhooks.manage': MANAGERS,
  'integration.view': MANAGERS,
  'integration.rotate_secrets': ['owner'],
  // The workbench's 设置 page (integration, webhooks, business hours).
  'settings.open': MANAGERS,

  // Adding, disabling or signing out a colleague of a role: the owner anyone, a manager the front-line roles (trainees
  // and the shop's own roles among them).
  'team.manage_owner': ['owner'],
  'team.manage_manager': ['owner'],
  'team.manage_presale': MANAGERS,
  'team.manage_aftersale': MANAGERS,
  'team.manage_support': MANAGERS,
  'team.manage_trainee': MANAGERS,
  'team.manage_custom': MANAGERS,
  // The permissions matrix (roles × capabilities, custom roles): the owner changes it, managers read it.
  'team.view_roles': MANAGERS,
  'team.manage_roles': ['owner'],
} as const satisfies Record<string, readonly AgentRole[]>;

/** A named permission of the capability table. */
export type Capability = keyof typeof CAPABILITIES;

/** Every capability, in the table's order. */
export const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as Capability[];

/**
 * Whoever holds capabilities: the server's signed-in agent (resolved per request from the shop's matrix) or the
 * workbench's session (from GET /api/v1/me). Decisions read these, never the role's name.
 */
export interface CapabilityHolder {
  capabilities: readonly string[];
}

/** Whether the holder has the capability. */
export function can(holder: CapabilityHolder, capability: Capability): boolean {
  return holder.capabilities.includes(capability);
}

/** A key of the table (an unknown name stored or sent is never a capability). */
export function isCapability(name: string): name is Capability {
  return Object.prototype.hasOwnProperty.call(CAPABILITIES, name);
}

/** What a role has before its shop changed anything: the table's column for a built-in role, nothing for others. */
export function defaultCapabilitiesOf(role: string): Capability[] {
  return CAPABILITY_KEYS.filter((capability) => (CAPABILITIES[capability] as readonly string[]).includes(role));
}

/**
 * A role's capabilities in a shop: what the shop stored for it (null: never changed), else the defaults. The owner
 * always has everything, whatever is stored: nobody can lock the shop out. Unknown stored names are dropped.
 */
export function effectiveCapabilities(role: string, stored: readonly string[] | null): Capability[] {
  if (role === 'owner') return [...CAPABILITY_KEYS];
  if (!stored) return defaultCapabilitiesOf(role);
  const granted = new Set(stored);
  return CAPABILITY_KEYS.filter((capability) => granted.has(capability));
}

/** The capability that lets one add, disable or sign out colleagues of `role` (the shop's own roles share one). */
export function manageCapabilityOf(role: string): Capability | undefined {
  if (role.startsWith('custom-')) return 'team.manage_custom';
  const capability = `team.manage_${role}`;
  return isCapability(capability) ? capability : undefined;
}

/** Whether the holder may add, disable or sign out a colleague of `targetRole` (never themselves: the caller checks that). */
export function mayManageRole(holder: CapabilityHolder, targetRole: string): boolean {
  const capability = manageCapabilityOf(targetRole);
  return capability !== undefined && can(holder, capability);
}
