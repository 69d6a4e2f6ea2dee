import type { OrderView } from '@golddesk/contracts';
import { DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useMyRoleLabel } from '../../platform/role-label';
import { useMe } from '../../platform/use-can';
import { sendOrderCard } from '../conversations';
import { blockedReason, mayReadHistory } from './order.api';
import {
  AddressModal,
  CloseOrderModal,
  MemoModal,
  OrderHistoryDrawer,
  PriceModal,
  preloadOrderDialogs,
  SkuModal,
} from './order-dialogs';

type Dialog = 'price' | 'address' | 'sku' | 'memo' | 'close' | 'history';

interface OrderActionsProps {
  order: OrderView;
  /** The open conversation, where 发送订单卡片 posts the card; null when none is open. */
  conversationId: string | null;
}

/** The action row of an order card (千牛 style): the common actions as small buttons, the rest under 更多. */
export function OrderActions({ order, conversationId }: OrderActionsProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [sending, setSending] = useState(false);
  // Some actions are not the agent's to take: what their role may do now (it follows the permissions matrix).
  const me = useMe();
  const myRole = useMyRoleLabel();
  const status = t(`customer.status.${order.status}`);
  useEffect(preloadOrderDialogs, []);

  /** Why an action is unavailable (shown as its tooltip), or null. */
  function why(action: Parameters<typeof blockedReason>[0]): string | null {
    const blocked = blockedReason(action, order.status, me);
    if (!blocked) return null;
    return blocked === 'role' ? t('orders.why.role', { role: myRole }) : t(`orders.why.${action}`, { status });
  }

  async function sendCard() {
    if (!conversationId) return;
    setSending(true);
    try {
      await sendOrderCard(conversationId, order.id);
      void message.success(t('orders.card.sent'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSending(false);
    }
  }

  const button = (action: Parameters<typeof blockedReason>[0], dialogName: Dialog, testId: string, label: string) => {
    // Not the agent's to take at all (their role's column of the matrix): no button, rather than one always greyed out.
    if (blockedReason(action, order.status, me) === 'role') return null;
    const reason = why(action);
    return (
      <Tooltip title={reason}>
        <Button
          size="small"
          disabled={!!reason}
          onClick={() => setDialog(dialogName)}
          data-testid={testId}
          data-reason={reason ?? undefined}
        >
          {label}
        </Button>
      </Tooltip>
    );
  };

  const menuItem = (key: string, testId: string, label: string, reason: string | null) => ({
    key,
    disabled: !!reason,
    label: (
      <Tooltip title={reason} placement="left">
        <span data-testid={testId} data-reason={reason ?? undefined} className="order-menu-label">
          {label}
        </span>
      </Tooltip>
    ),
  });

  const items: MenuProps['items'] = [
    menuItem('sku', 'order-action-change-sku', t('orders.actions.changeSku'), why('changeSku')),
    menuItem('close', 'order-action-close', t('orders.actions.close'), why('close')),
    { type: 'divider' },
    menuItem(
      'card',
      'order-action-send-card',
      t('orders.actions.sendCard'),
      conversationId ? null : t('orders.why.noConversation'),
    ),
    menuItem('history', 'order-action-history', t('orders.actions.history'), mayReadHistory(me) ? null : t('orders.why.history')),
  ];

  function onMenu({ key }: { key: string }) {
    if (key === 'card') void sendCard();
    else setDialog(key as Dialog);
  }

  const close = () => setDialog(null);
  return (
    <div className="order-actions" data-testid="order-actions">
      {button('changePrice', 'price', 'order-action-change-price', t('orders.actions.changePrice'))}
      {button('changeAddress', 'address', 'order-action-change-address', t('orders.actions.changeAddress'))}
      {button('memo', 'memo', 'order-action-memo', t('orders.actions.memo'))}
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight" destroyOnHidden>
        <Button size="small" loading={sending} data-testid="order-action-more">
          {t('orders.actions.more')} <DownOutlined />
        </Button>
      </Dropdown>
      {/* Mounted only while open: a pane of ten orders should not hold sixty closed dialogs. */}
      <Suspense fallback={null}>
        {dialog === 'price' && <PriceModal order={order} open onClose={close} />}
        {dialog === 'address' && <AddressModal order={order} open onClose={close} />}
        {dialog === 'sku' && <SkuModal order={order} open onClose={close} />}
        {dialog === 'memo' && <MemoModal order={order} open onClose={close} />}
        {dialog === 'close' && <CloseOrderModal order={order} open onClose={close} />}
        {dialog === 'history' && <OrderHistoryDrawer order={order} open onClose={close} />}
      </Suspense>
    </div>
  );
}
