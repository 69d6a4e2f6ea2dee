import type { Capability } from '@golddesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../security/tokens.js';
import { AppError } from './errors.js';
import type { HttpServer } from './http-server.js';
import { requireCapability } from './require-capability.js';

/** Who may call a route. Routes under /api/v1 default to 'agent'; everything else to 'public'. */
export type AuthMode = 'public' | 'agent' | 'buyer' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
    /** An agent route only for agents holding this capability (checked right after the token, before the body). */
    capability?: Capability;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type AgentPrincipal = Extract<Principal, { kind: 'agent' }>;
export type BuyerPrincipal = Extract<Principal, { kind: 'buyer' }>;

/** Turns a bearer token into its principal, or throws (invalid_token): signature, expiry and live session. */
export type Authenticate = (token: string) => Promise<Principal>;

export function registerAuthentication(app: HttpServer, authenticate: Authenticate) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const mode = authModeOf(request);
    if (mode === 'public') return;
    const token = bearerToken(request);
    if (!token) throw new AppError('unauthenticated');
    const principal = await authenticate(token);
    if (mode !== 'any' && principal.kind !== mode) throw new AppError('forbidden');
    const capability = request.routeOptions.config?.capability;
    if (capability) {
      if (principal.kind !== 'agent') throw new AppError('forbidden');
      requireCapability(principal, capability);
    }
    request.principal = principal;
  });
}

function authModeOf(request: FastifyRequest): AuthMode {
  const declared = request.routeOptions.config?.auth;
  if (declared) return declared;
  return request.routeOptions.url?.startsWith('/api/v1/') ? 'agent' : 'public';
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return undefined;
}

/** The signed-in agent; the route's auth mode guarantees it. */
export function agentOf(request: FastifyRequest): AgentPrincipal {
  const p = request.principal;
  if (p?.kind !== 'agent') throw new AppError('forbidden');
  return p;
}

export function buyerOf(request: FastifyRequest): BuyerPrincipal {
  const p = request.principal;
  if (p?.kind !== 'buyer') throw new AppError('forbidden');
  return p;
}
