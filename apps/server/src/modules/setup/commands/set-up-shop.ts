import type { LoginResponse, SetupRequest } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { hashPassword } from '../../../platform/security/passwords.js';
import { insertAgent, logIn } from '../../auth/index.js';
import { newId } from '../../../platform/ids.js';
import { seedDefaultQuickReplies } from '../../quick-replies/index.js';
import { anyShopExists, insertShop } from '../../shops/index.js';

export async function isSetupNeeded(app: AppContext): Promise<boolean> {
  return !(await anyShopExists(app.storage.db));
}

/**
 * First run: creates the shop and its owner, then signs the owner in. Refused once any shop exists, and that is
 * checked before hashing anything: an open setup endpoint must not be a free way to burn the server's CPU.
 */
export async function setUpShop(app: AppContext, props: SetupRequest & { address: string }): Promise<LoginResponse> {
  if (!(await isSetupNeeded(app))) throw new AppError('setup_done');
  const passwordHash = await hashPassword(props.password);
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    if (await anyShopExists(trx)) {
      throw new AppError('setup_done');
    }
    const shopId = newId();
    await insertShop(trx, { id: shopId, slug: props.shop, name: props.shopName, created_at: now });
    const ownerId = newId();
    await insertAgent(trx, {
      id: ownerId,
      shop_id: shopId,
      username: props.username,
      name: props.name,
      role: 'owner',
      password_hash: passwordHash,
      created_at: now,
    });
    // A new shop answers the common questions from the first chat on; the owner edits the phrases later.
    await seedDefaultQuickReplies(trx, { shopId, createdBy: ownerId, at: now });
  });
  return logIn(app, { shop: props.shop, username: props.username, password: props.password, address: props.address });
}
