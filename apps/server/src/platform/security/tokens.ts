import { createSigner, createVerifier } from 'fast-jwt';
import { AppError } from '../http/errors.js';

/** Who holds a token: an agent of a shop, or one buyer of one shop (reaching only their conversation). */
export type Principal =
  | { kind: 'agent'; shopId: string; agentId: string; role: string; name: string }
  | { kind: 'buyer'; shopId: string; buyerId: string; conversationId: string; verified?: boolean };

/** Signs and checks expiring HS256 tokens. */
export class TokenService {
  private readonly sign;
  private readonly verify;
  constructor(secret: string, private readonly ttl: { agentSeconds: number; buyerSeconds: number }) {
    this.sign = createSigner({ key: secret, algorithm: 'HS256' });
    this.verify = createVerifier({ key: secret, algorithms: ['HS256'], cache: 1000 });
  }

  issue(principal: Principal): { token: string; expiresAt: string } {
    const seconds = principal.kind === 'agent' ? this.ttl.agentSeconds : this.ttl.buyerSeconds;
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    const token = this.sign({ ...principal, exp: expiresAt });
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /** The principal of a valid, unexpired token; invalid_token otherwise. */
  check(token: string): Principal {
    try {
      const claims = this.verify(token) as Principal & { exp: number };
      if (claims.kind === 'agent' && claims.agentId && claims.shopId) {
        return { kind: 'agent', shopId: claims.shopId, agentId: claims.agentId, role: claims.role, name: claims.name };
      }
      if (claims.kind === 'buyer' && claims.buyerId && claims.conversationId) {
        return { kind: 'buyer', shopId: claims.shopId, buyerId: claims.buyerId, conversationId: claims.conversationId, verified: claims.verified === true };
      }
    } catch {
      // fall through: forged, expired or malformed tokens all read the same to the client
    }
    throw new AppError('invalid_token');
  }
}
