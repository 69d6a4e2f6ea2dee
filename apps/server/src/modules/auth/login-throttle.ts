import { addressKey } from '../../platform/security/client-address.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';

/** How long an address that signed in to an account stays "known" to it (see the account-wide ceiling). */
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

/**
 * Failed sign-ins are counted three ways, all in the LOGIN_LOCK_MINUTES window:
 * - per account and address: a guesser is stopped on that account, while the same account still signs in from
 *   anywhere else, so nobody can lock the owner out from their own address;
 * - per address, across accounts: one address cannot walk through many usernames;
 * - per account across all addresses, with a high ceiling: past it only addresses that signed in to the account
 *   before (30 days) may still try. A hard account-wide lock would let anyone with a handful of addresses (cheap
 *   with IPv6 or proxies) lock the owner out; this way a botnet is capped and the owner's usual places still work.
 * Refused attempts are not counted again, and nothing is hashed while refused.
 */
export class LoginThrottle {
  private readonly keys;
  constructor(
    private readonly app: AppContext,
    account: string,
    address: string,
  ) {
    const where = addressKey(address);
    this.keys = {
      pair: `login:${account}|${where}`,
      address: `login-address:${where}`,
      account: `login-account:${account}`,
      known: `login-known:${account}|${where}`,
    };
  }

  /** Throws too_many_login_attempts when any of the three limits is reached. */
  async check(): Promise<void> {
    const { attempts, config } = this.app;
    const [pair, address, account] = await Promise.all([
      attempts.count(this.keys.pair),
      attempts.count(this.keys.address),
      attempts.count(this.keys.account),
    ]);
    if (pair >= config.loginMaxFailures || address >= config.loginMaxFailuresPerAddress) this.refuse();
    if (account >= config.loginMaxFailuresPerAccount && (await attempts.count(this.keys.known)) === 0) this.refuse();
  }

  /** Counts a failure; throws 429 if it went over a limit (several guesses racing), else the caller answers 401. */
  async recordFailure(): Promise<void> {
    const { attempts, config } = this.app;
    const window = config.loginLockSeconds;
    const [pair, address] = await Promise.all([
      attempts.hit(this.keys.pair, window),
      attempts.hit(this.keys.address, window),
      attempts.hit(this.keys.account, window),
    ]);
    if (pair > config.loginMaxFailures || address > config.loginMaxFailuresPerAddress) this.refuse();
  }

  /** A success clears this address's failures on the account and remembers the address for the account. */
  async recordSuccess(): Promise<void> {
    await Promise.all([this.app.attempts.reset(this.keys.pair), this.app.attempts.hit(this.keys.known, KNOWN_ADDRESS_SECONDS)]);
  }

  private refuse(): never {
    throw new AppError('too_many_login_attempts', { minutes: Math.ceil(this.app.config.loginLockSeconds / 60) });
  }
}
