import { formatFen, type CustomerProfile } from '@golddesk/contracts';
import { EnvironmentOutlined, PhoneOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Empty, Skeleton, Statistic, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useStore } from '../../platform/store';
import { useCan } from '../../platform/use-can';
import { conversationStore } from '../conversations';
import { putOrders } from '../orders';
import { fetchCustomer, shownPhone } from './customer.api';
import { OrderCard } from './OrderCard';
import { CustomerInsight } from './CustomerInsight';
import { CustomerTabs } from './CustomerTabs';
import { RelatedNeeds } from '../catalogue';
import { CaseSection, NewCaseButton } from '../cases';
import './customer-pane.css';

type Loaded = { buyerId: string; profile: CustomerProfile | null; error: string | null };

/** Right pane: who the buyer is and what they ordered, with the order actions (改价, 改地址, 备注…). */
export function CustomerPane() {
  const { t } = useTranslation();
  const buyerId = useStore(conversationStore, (s) => (s.activeId ? (s.byId[s.activeId]?.buyer.id ?? null) : null));
  const conversationId = useStore(conversationStore, (s) => s.activeId);
  // Orders change as the conversation goes on (paid, shipped); refetch when its last message changes.
  const lastSeq = useStore(conversationStore, (s) => (s.activeId ? (s.byId[s.activeId]?.lastSeq ?? 0) : 0));
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!buyerId) return;
    const controller = new AbortController();
    fetchCustomer(buyerId, controller.signal)
      .then((profile) => {
        putOrders(profile.orders);
        setLoaded({ buyerId, profile, error: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ buyerId, profile: null, error: errorMessage(error) });
      });
    return () => controller.abort();
  }, [buyerId, lastSeq]);

  const current = loaded && loaded.buyerId === buyerId ? loaded : null;

  return (
    <aside className="pane customer-pane" data-testid="customer-pane">
      <div className="pane-title">
        {t('customer.title')}
        {current?.profile && <NewCaseButton orders={current.profile.orders} conversationId={conversationId} />}
      </div>
      <div className="customer-scroll">
        {!buyerId ? (
          <Empty className="pane-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.empty')} />
        ) : !current ? (
          <Skeleton active avatar paragraph={{ rows: 6 }} style={{ padding: 16 }} />
        ) : current.error || !current.profile ? (
          <Alert type="warning" showIcon title={current.error} style={{ margin: 16 }} />
        ) : (
          <CustomerDetails profile={current.profile} conversationId={conversationId} />
        )}
      </div>
    </aside>
  );
}

function CustomerDetails({ profile, conversationId }: { profile: CustomerProfile; conversationId: string | null }) {
  const { t } = useTranslation();
  const may = useCan();
  const { buyer, stats, orders } = profile;
  const region = [buyer.province, buyer.city].filter(Boolean).join(' ') || '—';
  return (
    <>
      <div className="customer-card">
        <Avatar size={48} icon={<UserOutlined />} style={{ background: '#ff6a00' }} />
        <div className="customer-identity">
          <div className="customer-nick" data-testid="customer-nick">
            {buyer.nick}
            {buyer.externalId && (
              <Tooltip title={t('customer.memberHint', { id: buyer.externalId })}>
                <Tag color="green" icon={<SafetyCertificateOutlined />} className="vip-tag" data-testid="customer-member">
                  {t('customer.member')}
                </Tag>
              </Tooltip>
            )}
            {buyer.verified === false && (
              <Tooltip title={t('customer.unverifiedHint')}>
                <Tag color="default" className="vip-tag" data-testid="customer-unverified">
                  {t('customer.unverified')}
                </Tag>
              </Tooltip>
            )}
            {buyer.vipLevel > 0 && (
              <Tag color="gold" className="vip-tag" data-testid="customer-vip">
                {t('customer.vip', { level: buyer.vipLevel })}
              </Tag>
            )}
          </div>
          <div className="muted">
            <EnvironmentOutlined /> {region}
          </div>
          <div className="muted" data-testid="customer-phone">
            <PhoneOutlined /> {shownPhone(buyer.phone, may('buyers.see_full_phone'))}
          </div>
          <div className="muted">
            {t('customer.since')} {dayjs(buyer.createdAt).format('YYYY-MM-DD')}
          </div>
        </div>
      </div>
      <CustomerInsight buyerId={buyer.id} crm={profile.crm} />
      <div className="customer-stats" data-testid="customer-stats">
        <Statistic title={t('customer.orders')} value={stats.orderCount} />
        <Statistic title={t('customer.paidOrders')} value={stats.paidOrderCount} />
        <Statistic title={t('customer.totalSpent')} value={formatFen(stats.totalSpentFen)} />
      </div>
      <CaseSection buyerId={buyer.id} />
      <RelatedNeeds buyerId={buyer.id} conversationId={conversationId} />
      <CustomerTabs profile={profile}>
        {orders.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noOrders')} />
        ) : (
          orders.map((order) => <OrderCard key={order.id} order={order} conversationId={conversationId} />)
        )}
      </CustomerTabs>
    </>
  );
}
