import { fillBroadcastTemplate } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { recordAudit } from '../../audit/index.js';
import { ensureBuyerConversation, isBuyerBlocked } from '../../conversations/index.js';
import { messageWriterOf } from '../../conversations/index.js';
import { describeActivePromotions } from '../../promotions/index.js';
import { isQuietTime, shopHoursOf } from '../../shop-hours/index.js';
import { findShopNameAndSettings } from '../../shops/index.js';
import {
  claimPendingRecipient,
  countRecipientsSentSince,
  findBroadcast,
  findBroadcastStatus,
  hasPendingRecipient,
  isOptedOut,
  listPendingRecipients,
  REPLY_WINDOW_MS,
  setRecipientMessage,
  updateBroadcastInStatus,
} from '../broadcast.repository.js';

const MINUTE_MS = 60_000;

export interface BatchOutcome {
  sent: number;
  skipped: number;
  /** Nothing left to send: the broadcast was marked done. */
  done: boolean;
}

/**
 * One throttled batch of a `sending` broadcast. Nothing in the shop's quiet hours (the next batch after they
 * end picks up). The throttle is a sliding minute: at most throttlePerMinute messages with sent_at in the last
 * 60 s. Each recipient is one transaction that flips its row pending → sent (only if still pending and the
 * broadcast still sending — a cancel wins) and writes the bot message: the row and the message commit together,
 * so a buyer gets it exactly once whichever process runs the batch. Blocked or opted-out meanwhile → skipped.
 */
export async function sendBroadcastBatch(app: AppContext, props: { shopId: string; broadcastId: string }): Promise<BatchOutcome> {
  const db = app.storage.db;
  const at = app.now();
  const now = at.toISOString();
  const outcome: BatchOutcome = { sent: 0, skipped: 0, done: false };
  const broadcast = await findBroadcast(db, props.shopId, props.broadcastId);
  const shop = await findShopNameAndSettings(db, props.shopId);
  if (!broadcast || !shop || broadcast.status !== 'sending') return outcome;
  if (isQuietTime(shopHoursOf(shop.settings), at)) return outcome;

  const recent = await countRecipientsSentSince(db, broadcast.id, new Date(at.getTime() - MINUTE_MS).toISOString());
  const allowed = Number(broadcast.throttle_per_minute) - recent;
  const pending = allowed > 0 ? await listPendingRecipients(db, broadcast.id, allowed) : [];
  const promotions = broadcast.template.includes('{店铺活动}')
    ? await describeActivePromotions(db, props.shopId, at, 'zh-CN')
    : '';
  const writer = messageWriterOf(app);

  for (const recipient of pending) {
    const body = fillBroadcastTemplate(broadcast.template, { buyerNick: recipient.nick, shopName: shop.name, promotions });
    // Through the message writer, inside this transaction: published as soon as this recipient's row committed.
    const result = await writer.transaction(async (trx, writeMessage) => {
      const current = await findBroadcastStatus(trx, broadcast.id);
      if (current?.status !== 'sending') return 'stopped' as const;
      const blocked = await isBuyerBlocked(trx, recipient.buyer_id);
      const optedOut = await isOptedOut(trx, recipient.buyer_id);
      const reason = blocked ? 'blocked' : optedOut ? 'opted_out' : null;
      const claimed = await claimPendingRecipient(
        trx,
        recipient.id,
        reason
          ? { status: 'skipped', reason }
          : { status: 'sent', sent_at: now, reply_until: new Date(at.getTime() + REPLY_WINDOW_MS).toISOString() },
      );
      if (!claimed) return 'taken' as const;
      if (reason) return 'skipped' as const;
      const conversation = await ensureBuyerConversation(trx, props.shopId, recipient.buyer_id, now);
      const message = await writeMessage({
        shopId: props.shopId,
        conversationId: conversation.id,
        sender: 'bot',
        agentId: null,
        kind: 'text',
        body,
        payload: JSON.stringify({ automation: { kind: 'broadcast', broadcastId: broadcast.id } }),
        clientMsgId: `broadcast:${broadcast.id}:${recipient.buyer_id}`,
        createdAt: now,
        origin: 'automation',
      });
      await setRecipientMessage(trx, recipient.id, {
        conversation_id: conversation.id,
        message_id: message.row.id,
        message_seq: Number(message.row.seq),
      });
      return 'sent' as const;
    });
    if (result === 'stopped') return outcome;
    if (result === 'skipped') outcome.skipped += 1;
    else if (result === 'sent') outcome.sent += 1;
  }

  if (allowed > 0 && pending.length < allowed) {
    outcome.done = await finishIfEmpty(app, props.shopId, broadcast.id);
  }
  return outcome;
}

/** Marks a sending broadcast done once no recipient is pending. */
async function finishIfEmpty(app: AppContext, shopId: string, broadcastId: string): Promise<boolean> {
  const now = app.now().toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    if (await hasPendingRecipient(trx, broadcastId)) return false;
    const changed = await updateBroadcastInStatus(trx, broadcastId, 'sending', {
      status: 'done',
      finished_at: now,
      updated_at: now,
    });
    if (!changed) return false;
    await recordAudit(trx, {
      shopId,
      actor: { kind: 'system', id: null, name: '群发' },
      action: 'broadcast.finished',
      targetType: 'broadcast',
      targetId: broadcastId,
      before: { status: 'sending' },
      after: { status: 'done' },
      at: now,
    });
    return true;
  });
}
