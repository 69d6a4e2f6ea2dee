import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Audit actions say what happened, in the past tense like events (`order.closed`, not `order.close`). Entries written
 * before get the new names, so the 操作记录 shows one name per action whatever its age.
 */
export const RENAMED_AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'agent.sign_out_everywhere': 'agent.signed_out_everywhere',
  'agent.disable': 'agent.disabled',
  'agent.enable': 'agent.enabled',
  'approval.approve': 'approval.approved',
  'approval.reject': 'approval.rejected',
  'auto_reply.create': 'auto_reply.created',
  'auto_reply.update': 'auto_reply.updated',
  'auto_reply.delete': 'auto_reply.deleted',
  'broadcast.sending': 'broadcast.sending_began',
  'broadcast.done': 'broadcast.finished',
  'bundle.create': 'bundle.created',
  'bundle.update': 'bundle.updated',
  'bundle.delete': 'bundle.deleted',
  'customer.block': 'customer.blocked',
  'customer.unblock': 'customer.unblocked',
  'customer.set_type': 'customer.type_changed',
  'customer.set_vip': 'customer.vip_changed',
  'import.orders': 'import.orders_imported',
  'import.products': 'import.products_imported',
  'logistics.resolve_exception': 'logistics.exception_resolved',
  'logistics.save_rules': 'logistics.rules_saved',
  'logistics.settings': 'logistics.settings_changed',
  'order.change_price': 'order.price_changed',
  'order.change_price_requested': 'order.price_change_requested',
  'order.change_receiver': 'order.receiver_changed',
  'order.change_sku': 'order.sku_changed',
  'order.close': 'order.closed',
  'order.set_memo': 'order.memo_changed',
  'order.ship': 'order.shipped',
  'order.tracking_note': 'order.tracking_noted',
  'order.update_tracking': 'order.tracking_updated',
  'payment_reminder.settings': 'payment_reminder.settings_changed',
  'product.create': 'product.created',
  'product.update': 'product.updated',
  'product.set_related': 'product.related_changed',
  'product.sku_add': 'product.sku_added',
  'product.sku_update': 'product.sku_updated',
  'product.sku_remove': 'product.sku_removed',
  'promotion.create': 'promotion.created',
  'promotion.update': 'promotion.updated',
  'promotion.delete': 'promotion.deleted',
  'quick_reply.create': 'quick_reply.created',
  'quick_reply.update': 'quick_reply.updated',
  'quick_reply.delete': 'quick_reply.deleted',
  'quick_reply.import': 'quick_reply.imported',
  'shop_hours.update': 'shop_hours.updated',
};

export function pastTenseAuditActionsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      const audit = db as unknown as Kysely<{ audit_log: { action: string } }>;
      for (const [before, after] of Object.entries(RENAMED_AUDIT_ACTIONS)) {
        await audit.updateTable('audit_log').set({ action: after }).where('action', '=', before).execute();
      }
    },
  };
}
