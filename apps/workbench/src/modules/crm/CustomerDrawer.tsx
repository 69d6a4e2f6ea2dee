import { formatFen, type CustomerProfile } from '@golddesk/contracts';
import { EnvironmentOutlined, MessageOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Avatar, Button, Drawer, Empty, Skeleton, Space, Statistic, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../platform/navigation';
import { errorMessage } from '../../platform/api-client';
import { CopyLinkButton } from '../../platform/ui/CopyLinkButton';
import { useCan } from '../../platform/use-can';
import { openConversation } from '../conversations';
import { fetchCustomer, findConversationOf, shownPhone } from './customer.api';
import { OrderCard } from './OrderCard';
import { putOrders } from '../orders';
import { CustomerInsight } from './CustomerInsight';
import { CustomerTabs } from './CustomerTabs';

interface CustomerDrawerProps {
  /** The buyer shown (from the address /customers/:buyerId), or null when closed. */
  buyerId: string | null;
  /** Their latest conversation as the list row knows it; undefined when opened from a link (then looked up). */
  conversationId?: string | null;
  onClose: () => void;
}

type Loaded = { id: string; profile: CustomerProfile | null; conversationId: string | null; error: string | null };

/** The 客户 page's 360 view of one buyer: the same blocks as the right pane, plus 打开会话 and 复制链接. */
export function CustomerDrawer({ buyerId, conversationId: listed, onClose }: CustomerDrawerProps) {
  const { t } = useTranslation();
  const may = useCan();
  const { message } = AntApp.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!buyerId) return;
    const controller = new AbortController();
    fetchCustomer(buyerId, controller.signal)
      .then(async (profile) => {
        putOrders(profile.orders);
        // A link brings no list row: the 客户 list says which conversation is theirs.
        const conversationId =
          listed !== undefined
            ? listed
            : await findConversationOf(buyerId, profile.buyer.nick, controller.signal).catch(() => null);
        setLoaded({ id: buyerId, profile, conversationId, error: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setLoaded({ id: buyerId, profile: null, conversationId: null, error: errorMessage(error) });
      });
    return () => controller.abort();
    // Per buyer: a list row arriving after a link's answer is used as it is (below), not worth a second request.
  }, [buyerId]);

  const current = loaded && loaded.id === buyerId ? loaded : null;
  const conversationId = listed ?? current?.conversationId ?? null;
  const openChat = () => {
    if (conversationId) openConversation(conversationId).catch((error: unknown) => void message.error(errorMessage(error)));
  };

  const profile = current?.profile;
  return (
    <Drawer
      open={!!buyerId}
      onClose={onClose}
      size={400}
      title={t('crm.profile')}
      destroyOnHidden
      data-testid="customer-drawer"
      extra={
        <Space size={4}>
          {buyerId && <CopyLinkButton path={paths.customer(buyerId)} testId="customer-copy-link" />}
          <Tooltip title={conversationId ? '' : t('crm.noConversation')}>
            <Button
              type="primary"
              icon={<MessageOutlined />}
              disabled={!conversationId}
              onClick={openChat}
              data-testid="customer-open-chat"
            >
              {t('crm.openChat')}
            </Button>
          </Tooltip>
        </Space>
      }
      styles={{ body: { padding: '8px 0' } }}
    >
      {!current ? (
        <Skeleton active avatar paragraph={{ rows: 6 }} style={{ padding: 16 }} />
      ) : !profile ? (
        <Alert type="warning" showIcon title={current.error} style={{ margin: 16 }} />
      ) : (
        <>
          <div className="customer-card">
            <Avatar size={48} icon={<UserOutlined />} style={{ background: '#ff6a00' }} />
            <div className="customer-identity">
              <div className="customer-nick">
                {profile.buyer.nick}
                {profile.buyer.vipLevel > 0 && (
                  <Tag color="gold" className="vip-tag">
                    VIP{profile.buyer.vipLevel}
                  </Tag>
                )}
              </div>
              <div className="muted">
                <EnvironmentOutlined /> {[profile.buyer.province, profile.buyer.city].filter(Boolean).join(' ') || '—'}
              </div>
              <div className="muted">
                <PhoneOutlined /> {shownPhone(profile.buyer.phone, may('buyers.see_full_phone'))}
              </div>
            </div>
          </div>
          <CustomerInsight buyerId={profile.buyer.id} crm={profile.crm} />
          <div className="customer-stats">
            <Statistic title={t('customer.orders')} value={profile.stats.orderCount} />
            <Statistic title={t('customer.paidOrders')} value={profile.stats.paidOrderCount} />
            <Statistic title={t('customer.totalSpent')} value={formatFen(profile.stats.totalSpentFen)} />
          </div>
          <CustomerTabs profile={profile}>
            {profile.orders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noOrders')} />
            ) : (
              profile.orders.map((order) => <OrderCard key={order.id} order={order} conversationId={conversationId} />)
            )}
          </CustomerTabs>
        </>
      )}
    </Drawer>
  );
}
