import type { Capability } from '@golddesk/contracts';
import { createSigner, createVerifier } from 'fast-jwt';
import { AppError } from '../http/errors.js';

/**
 * Who holds a token: an agent of a shop (in one revocable sign-in session), or one buyer of one shop
 * (reaching only their conversation; buyer tokens are stateless). An agent's capabilities are never in the token:
 * they are resolved from the shop's permissions matrix on every request (verify() alone grants none).
 */
export type Principal =
  | {
      kind: 'agent';
      shopId: string;
      agentId: string;
      role: string;
      name: string;
      sessionId: string;
      /** What the agent may do now: their role's column of the shop's permissions matrix. */
      capabilities: readonly Capability[];
    }
  | { kind: 'buyer'; shopId: string; buyerId: string; conversationId: string; verified?: boolean };

/** What a token carries of an agent (the capabilities are looked up, not signed). */
type IssuedPrincipal = Omit<Extract<Principal, { kind: 'agent' }>, 'capabilities'> | Extract<Principal, { kind: 'buyer' }>;

/** A checked token: who holds it and when it stops working (ms since the epoch, app clock). */
export interface VerifiedToken {
  principal: Principal;
  expiresAtMs: number;
}

/** Signs and checks expiring HS256 tokens against the app clock (tests move it instead of sleeping). */
export class TokenService {
  private readonly sign;
  private readonly verifySignature;
  constructor(
    secret: string,
    private readonly ttl: { agentSeconds: number; buyerSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    // iat/exp come from the app clock below, not from the library's own Date.now().
    this.sign = createSigner({ key: secret, algorithm: 'HS256', noTimestamp: true });
    this.verifySignature = createVerifier({ key: secret, algorithms: ['HS256'], cache: 1000, ignoreExpiration: true });
  }

  issue(principal: IssuedPrincipal): { token: string; expiresAt: string; expiresInSeconds: number } {
    const seconds = principal.kind === 'agent' ? this.ttl.agentSeconds : this.ttl.buyerSeconds;
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + seconds;
    const claims =
      principal.kind === 'agent'
        ? {
            kind: 'agent',
            shopId: principal.shopId,
            agentId: principal.agentId,
            role: principal.role,
            name: principal.name,
            sid: principal.sessionId,
          }
        : principal;
    const token = this.sign({ ...claims, iat: issuedAt, exp: expiresAt });
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), expiresInSeconds: seconds };
  }

  /** The principal and expiry of a valid, unexpired token; invalid_token otherwise. */
  verify(token: string): VerifiedToken {
    let claims: Record<string, unknown>;
    try {
      claims = this.verifySignature(token) as Record<string, unknown>;
    } catch {
      // forged, expired or malformed tokens all read the same to the client
      throw new AppError('invalid_token');
    }
    const expiresAtMs = Number(claims.exp) * 1000;
    if (!Number.isFinite(expiresAtMs) || expiresAtMs <= this.now().getTime()) throw new AppError('invalid_token');
    const text = (key: string) => (typeof claims[key] === 'string' && claims[key] ? (claims[key] as string) : undefined);
    if (claims.kind === 'agent' && text('agentId') && text('shopId') && text('sid')) {
      return {
        expiresAtMs,
        principal: {
          kind: 'agent',
          shopId: text('shopId')!,
          agentId: text('agentId')!,
          role: String(claims.role),
          name: String(claims.name),
          sessionId: text('sid')!,
          capabilities: [],
        },
      };
    }
    if (claims.kind === 'buyer' && text('buyerId') && text('conversationId') && text('shopId')) {
      return {
        expiresAtMs,
        principal: {
          kind: 'buyer',
          shopId: text('shopId')!,
          buyerId: text('buyerId')!,
          conversationId: text('conversationId')!,
          verified: claims.verified === true,
        },
      };
    }
    throw new AppError('invalid_token');
  }

  /** The principal of a valid, unexpired token (signature and expiry only: agent sessions are checked by the caller). */
  check(token: string): Principal {
    return this.verify(token).principal;
  }
}
