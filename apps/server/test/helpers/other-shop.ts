import { newId } from '../../src/platform/ids.js';
import { hashPassword } from '../../src/platform/security/passwords.js';
import { loginAgent } from './clients.js';
import { DEMO_PASSWORD, type TestServer } from './test-server.js';

/** A second shop with its owner `boss` (password DEMO_PASSWORD), for proving nothing crosses shops. */
export async function addOtherShop(server: TestServer, slug = 'other'): Promise<{ shopId: string; owner: { token: string } }> {
  // why: no API opens a second shop on a running server (setup runs once, on an empty database).
  const db = server.app.context.storage.db;
  const shopId = newId();
  const at = server.app.context.now().toISOString();
  await db.insertInto('shops').values({ id: shopId, slug, name: '别家小店', created_at: at, settings: null }).execute();
  await db
    .insertInto('agents')
    .values({
      id: newId(),
      shop_id: shopId,
      username: 'boss',
      name: '别家店长',
      role: 'owner',
      password_hash: await hashPassword(DEMO_PASSWORD),
      created_at: at,
    })
    .execute();
  return { shopId, owner: await loginAgent(server.url, 'boss', DEMO_PASSWORD, slug) };
}
