import type { CustomerProfile } from '@golddesk/contracts';
import { Tabs } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { putFootprints, useCrm, useFootprints } from './crm.store';
import { FootprintList } from './FootprintList';
import { NotesPanel } from './NotesPanel';
import { ProfilePanel } from './ProfilePanel';
import './crm.locales';
import './crm.css';

interface CustomerTabsProps {
  profile: CustomerProfile;
  /** The order cards (with their actions), shown in the first tab. */
  children: ReactNode;
}

/** 订单 | 足迹 | 备注 | 资料 under the buyer's header: orders first, the rest one click away in a 340 px pane. */
export function CustomerTabs({ profile, children }: CustomerTabsProps) {
  const { t } = useTranslation();
  const { buyer } = profile;
  const [tab, setTab] = useState('orders');
  const [vipLevel, setVip] = useState(buyer.vipLevel);
  useEffect(() => setVip(buyer.vipLevel), [buyer.vipLevel]);
  useEffect(() => {
    if (profile.footprints) putFootprints(buyer.id, profile.footprints);
  }, [buyer.id, profile.footprints]);
  const crm = useCrm(buyer.id, profile.crm);
  const footprints = useFootprints(buyer.id) ?? profile.footprints ?? [];

  return (
    <Tabs
      className="crm-tabs"
      size="small"
      activeKey={tab}
      onChange={setTab}
      data-testid="customer-tabs"
      items={[
        {
          key: 'orders',
          label: <span data-testid="customer-tab-orders">{t('crm.ordersTab', { n: profile.orders.length })}</span>,
          children,
        },
        {
          key: 'footprints',
          label: <span data-testid="customer-tab-footprints">{t('crm.footprintsTab', { n: footprints.length })}</span>,
          children: (
            <div className="crm-panel">
              <FootprintList footprints={footprints} />
            </div>
          ),
        },
        {
          key: 'notes',
          label: <span data-testid="customer-tab-notes">{t('crm.notesTab', { n: crm?.notes.length ?? 0 })}</span>,
          children: <div className="crm-panel">{crm && <NotesPanel buyerId={buyer.id} notes={crm.notes} />}</div>,
        },
        {
          key: 'profile',
          label: <span data-testid="customer-tab-profile">{t('crm.profileTab')}</span>,
          children: (
            <div className="crm-panel">
              {crm && <ProfilePanel buyerId={buyer.id} nick={buyer.nick} vipLevel={vipLevel} crm={crm} onVipChanged={setVip} />}
            </div>
          ),
        },
      ]}
    />
  );
}
