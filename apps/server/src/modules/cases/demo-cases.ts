import { DEFAULT_AFTERSALE_POLICY, effectiveCapabilities } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { caseActorOf } from './case-change.js';
import { moveCase } from './case-moves.js';
import { writeAftersalePolicy } from './case.policy.js';
import { findCaseRecord, listSignedOrdersWithNotes } from './case.repository.js';
import { inTransaction } from '../../platform/app-context.js';
import { openCase } from './commands/open-case.js';

/**
 * The demo shop's after-sales desk on first start: its return address, and three cases opened by 售后-阿杰 through the
 * same commands agents use (so each carries the policy's verdict): a fading complaint the listing warned about, a
 * plain return, and a wrong item waiting for the warehouse.
 */
export async function seedDemoCases(app: AppContext, props: { shopId: string; aftersale: { id: string; name: string } }) {
  await writeAftersalePolicy(app.storage.db, props.shopId, {
    ...DEFAULT_AFTERSALE_POLICY,
    returnAddress: '浙江省杭州市余杭区文一西路 1888 号 小美家售后部（收）0571-88886666',
  });
  const actor: AgentPrincipal = {
    kind: 'agent',
    shopId: props.shopId,
    agentId: props.aftersale.id,
    role: 'aftersale',
    name: props.aftersale.name,
    sessionId: 'demo-seed',
    // A new shop has changed nothing: the role's defaults.
    capabilities: effectiveCapabilities('aftersale', null),
  };
  const ctx = { app, actor };
  const orders = await listSignedOrdersWithNotes(app.storage.db, props.shopId);
  const fading = orders.find((o) => o.listing_notes?.includes('褪色'));
  const others = orders.filter((o) => o.id !== fading?.id && o.buyer_id !== fading?.buyer_id);
  if (fading) {
    await openCase(ctx, {
      requestId: 'demo-case-fading',
      type: 'quality',
      orderId: fading.id,
      reason: '洗了一次就褪色了，要求退货',
    });
  }
  if (others[0]) {
    await openCase(ctx, {
      requestId: 'demo-case-return',
      type: 'return_refund',
      orderId: others[0].id,
      reason: '尺码偏大，不想要了',
    });
  }
  const wrong = others.find((o) => o.buyer_id !== others[0]?.buyer_id);
  if (wrong) {
    const opened = await openCase(ctx, {
      requestId: 'demo-case-wrong',
      type: 'wrong_item',
      orderId: wrong.id,
      reason: '拍的是M码，收到的是L码',
    });
    await inTransaction(ctx, async (inner) => {
      const record = (await findCaseRecord(inner.transaction.trx, props.shopId, opened.row.id))!;
      await moveCase(inner, record, 'awaiting_reship', { note: '补发 M 码' }, caseActorOf(actor));
    });
  }
}
