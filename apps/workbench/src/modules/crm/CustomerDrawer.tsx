import { formatFen, type AgentRole, type CustomerProfile, type CustomerRow } from '@golddesk/contracts';
import { EnvironmentOutlined, MessageOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Avatar, Button, Drawer, Empty, Skeleton, Statistic, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../platform/navigation';
import { errorMessage } from '../../platform/api-client';
import { ensureConversation, setActiveConversation } from '../conversations';
import { fetchCustomer, shownPhone } from './customer.api';
import { OrderCard } from './OrderCard';
import { putOrders } from '../orders';
import { CustomerInsight } from './CustomerInsight';
import { CustomerTabs } from './CustomerTabs';

/** The 客户 page's 360 view of one buyer: the same blocks as the right pane, plus 打开会话. */
export function CustomerDrawer({ row, role, onClose }: { row: CustomerRow | null; role: AgentRole; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [loaded, setLoaded] = useState<{ id: string; profile: CustomerProfile | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!row) return;
    const controller = new AbortController();
    fetchCustomer(row.id, controller.signal)
      .then((profile) => {
        putOrders(profile.orders);
        setLoaded({ id: row.id, profile, error: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id: row.id, profile: null, error: errorMessage(error) });
      });
    return () => controller.abort();
  }, [row]);

  const openChat = () => {
    if (!row?.conversationId) return;
    const id = row.conversationId;
    ensureConversation(id)
      .then(() => {
        navigate('workbench');
        setActiveConversation(id);
      })
      .catch((error: unknown) => void message.error(errorMessage(error)));
  };

  const current = loaded && row && loaded.id === row.id ? loaded : null;
  const profile = current?.profile;
  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={400}
      title={t('crm.profile')}
      destroyOnHidden
      data-testid="customer-drawer"
      extra={
        <Tooltip title={row?.conversationId ? '' : t('crm.noConversation')}>
          <Button
            type="primary"
            icon={<MessageOutlined />}
            disabled={!row?.conversationId}
            onClick={openChat}
            data-testid="customer-open-chat"
          >
            {t('crm.openChat')}
          </Button>
        </Tooltip>
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
                <PhoneOutlined /> {shownPhone(profile.buyer.phone, role)}
              </div>
            </div>
          </div>
          <CustomerInsight buyerId={profile.buyer.id} crm={profile.crm} role={role} />
          <div className="customer-stats">
            <Statistic title={t('customer.orders')} value={profile.stats.orderCount} />
            <Statistic title={t('customer.paidOrders')} value={profile.stats.paidOrderCount} />
            <Statistic title={t('customer.totalSpent')} value={formatFen(profile.stats.totalSpentFen)} />
          </div>
          <CustomerTabs profile={profile} role={role}>
            {profile.orders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noOrders')} />
            ) : (
              profile.orders.map((order) => (
                <OrderCard key={order.id} order={order} role={role} conversationId={row?.conversationId ?? null} />
              ))
            )}
          </CustomerTabs>
        </>
      )}
    </Drawer>
  );
}
