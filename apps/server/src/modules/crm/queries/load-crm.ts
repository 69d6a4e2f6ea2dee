import type { CapabilityHolder, CustomerCrmView } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { findBuyer } from '../buyer.repository.js';
import { addressesOfBuyer, lastOrderAt, listNotes, tagsOfBuyers } from '../crm.repository.js';
import { presentCrm } from '../crm.presenter.js';

const NOTES_SHOWN = 50;

/**
 * The buyer's 客户 360 block for the right pane (type, tags, notes, addresses, blacklist), as the viewing agent may see
 * it (receivers' phones masked unless they may see phones in full).
 */
export async function loadCustomerCrm(
  db: Queryable,
  shopId: string,
  buyerId: string,
  viewer: CapabilityHolder,
): Promise<CustomerCrmView> {
  const buyer = await findBuyer(db, shopId, buyerId);
  if (!buyer) throw new AppError('not_found', { thing: 'buyer' });
  const [tags, notes, addresses, last] = await Promise.all([
    tagsOfBuyers(db, shopId, [buyerId]),
    listNotes(db, shopId, buyerId, NOTES_SHOWN),
    addressesOfBuyer(db, shopId, buyerId),
    lastOrderAt(db, shopId, buyerId),
  ]);
  return presentCrm({ buyer, tags: tags.get(buyerId) ?? [], notes, addresses, lastOrderAt: last }, viewer);
}
