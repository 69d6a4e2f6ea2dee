import { z } from 'zod';
import { Id } from './common.js';

/** The built-in roles: 店长, 主管, 售前, 售后, 辅助 and 培训生 (trainee: chat and quick replies only, by default). */
export const AgentRole = z.enum(['owner', 'manager', 'presale', 'aftersale', 'support', 'trainee']);
export type AgentRole = z.infer<typeof AgentRole>;

/** A role's key as agents.role stores it: a built-in role, or a role the shop's owner made (`custom-<id>`). */
export const RoleKey = z
  .string()
  .max(64)
  .regex(/^(owner|manager|presale|aftersale|support|trainee|custom-[a-z0-9]{4,40})$/, 'a built-in role or custom-<id>');
export type RoleKey = z.infer<typeof RoleKey>;

/** 在线 / 忙碌 (挂起: keeps the current buyers, takes no new ones) / 离线. */
export const AgentStatus = z.enum(['online', 'busy', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const AgentView = z.object({
  id: Id,
  name: z.string(),
  role: RoleKey,
  /** The role's name for a role the shop made (built-in roles are named by the client in its language). */
  roleName: z.string().optional(),
  username: z.string().optional(),
  /** Disabled by the owner (or a manager): cannot sign in. */
  disabled: z.boolean().optional(),
  /** As colleagues see it: the status the agent set while a workbench is open, else offline. */
  status: AgentStatus.optional(),
  /** Routing (team list): concurrent buyers they take at most, their groups, weight, and buyers served now. */
  capacity: z.number().int().optional(),
  groups: z.array(z.string()).optional(),
  weight: z.number().int().optional(),
  load: z.number().int().optional(),
});
export type AgentView = z.infer<typeof AgentView>;

export const ShopSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

export const LoginRequest = z.object({
  shop: ShopSlug,
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string().optional(),
  /** How long the token lasts from now: a client counts from receipt, so a clock that differs from the server's does not matter. */
  expiresInSeconds: z.number().int().optional(),
  agent: AgentView,
  shop: z.object({ id: Id, slug: z.string(), name: z.string() }).optional(),
  /** What the agent may do now (the shop's permissions matrix); GET /api/v1/me answers it afresh. */
  capabilities: z.array(z.string()).optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const SetAgentStatusRequest = z.object({ status: AgentStatus });
export const AgentStatusResponse = z.object({ status: AgentStatus });

export const MeResponse = z.object({
  agent: AgentView,
  shop: z.object({ id: Id, slug: z.string(), name: z.string() }),
  /** The role's name in the request's language (a custom role: as the owner wrote it). */
  roleName: z.string(),
  /** What the agent may do now: the role's column of the shop's permissions matrix (changes apply without signing out). */
  capabilities: z.array(z.string()),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** First run without the demo (GOLDDESK_DEMO=0): create the shop and its owner. */
export const SetupRequest = z.object({
  shop: ShopSlug,
  shopName: z.string().min(1).max(64),
  username: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -'),
  name: z.string().min(1).max(32),
  password: z.string().min(8).max(256),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SetupStatusResponse = z.object({ needed: z.boolean() });

export const ListAgentsResponse = z.object({ agents: z.array(AgentView) });

/** The owner or a manager adds a colleague. Managers cannot create owners or managers. */
export const CreateAgentRequest = z.object({
  username: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -'),
  name: z.string().min(1).max(32),
  /** A built-in role or one of the shop's own (GET /api/v1/team/roles). */
  role: RoleKey,
  password: z.string().min(8).max(256),
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequest>;
export const AgentResponse = z.object({ agent: AgentView });

/** PATCH /api/v1/team/agents/:id — one or more changes to a colleague (more fields arrive with routing). */
export const UpdateAgentRequest = z
  .object({
    /** true: no sign-in and every session ends at once; false: may sign in again. */
    disabled: z.boolean().optional(),
    /** Another role (built-in or the shop's own): applies at once, without signing out. */
    role: RoleKey.optional(),
    /** Routing: concurrent buyers (1–50). */
    capacity: z.number().int().min(1).max(50).optional(),
    /** Routing: the groups (presale, aftersale, support or the shop's own) the agent takes buyers of. */
    groups: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(32)
          .regex(/^[a-z0-9][a-z0-9_-]*$/),
      )
      .max(30)
      .optional(),
    /** Routing: share of new buyers in weighted groups (1–10). */
    weight: z.number().int().min(1).max(10).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'nothing to change' });
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;

/** POST /api/v1/team/agents/:id/sign-out — "sign out everywhere". */
export const SignOutAgentResponse = z.object({ sessionsEnded: z.number().int().min(0) });
export type SignOutAgentResponse = z.infer<typeof SignOutAgentResponse>;
