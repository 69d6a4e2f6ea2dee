import type { CustomerCrmView } from '@golddesk/contracts';
import { MAX_VIP_LEVEL } from '@golddesk/contracts';
import { App as AntApp, Empty, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { shownPhone } from './customer.api';
import { setVipLevel } from './crm.api';
import { BlockButton, UnblockButton } from './BlockControls';

interface ProfilePanelProps {
  buyerId: string;
  nick: string;
  vipLevel: number;
  crm: CustomerCrmView;
  /** Called after the VIP level changed (the profile shows it in the header). */
  onVipChanged?: (level: number) => void;
}

/** 资料: VIP level, the receivers from the buyer's orders (常用 first), blacklist. */
export function ProfilePanel({ buyerId, nick, vipLevel, crm, onVipChanged }: ProfilePanelProps) {
  const may = useCan();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const levels = Array.from({ length: MAX_VIP_LEVEL + 1 }, (_, level) => ({
    value: level,
    label: level === 0 ? t('crm.vipNone') : t('crm.vipLevel', { level }),
  }));
  const changeVip = (level: number) =>
    setVipLevel(buyerId, level)
      .then(() => onVipChanged?.(level))
      .catch((error: unknown) => void message.error(errorMessage(error)));

  return (
    <div>
      <div className="crm-row" style={{ marginTop: 4 }}>
        <span className="crm-label">{t('crm.vip')}</span>
        <Select
          size="small"
          style={{ width: 120 }}
          value={vipLevel}
          options={levels}
          disabled={!may('crm.set_vip')}
          onChange={changeVip}
          data-testid="customer-vip-select"
        />
      </div>
      {crm.lastOrderAt && (
        <div className="crm-row" style={{ marginTop: 8 }}>
          <span className="crm-label">{t('crm.lastOrder')}</span>
          <span>{dayjs(crm.lastOrderAt).format('YYYY-MM-DD')}</span>
        </div>
      )}
      <div className="crm-section-title">{t('crm.addresses')}</div>
      {crm.addresses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.noAddresses')} />
      ) : (
        crm.addresses.map((a) => (
          <div key={`${a.name}|${a.phone}|${a.address}`} className="crm-address" data-testid="customer-address">
            <div>
              {a.name} {shownPhone(a.phone, may('buyers.see_full_phone'))}
              {a.usual && (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  {t('crm.usual')}
                </Tag>
              )}
            </div>
            <div className="crm-meta">
              {a.address} · {t('crm.addressUsed', { n: a.orderCount })}
            </div>
          </div>
        ))
      )}
      {may('crm.block') && (
        <>
          <div className="crm-section-title">{t('crm.blacklist')}</div>
          {crm.blocked ? <UnblockButton buyerId={buyerId} /> : <BlockButton buyerId={buyerId} nick={nick} />}
        </>
      )}
    </div>
  );
}
