import type { CustomerCrmView, CustomerType } from '@golddesk/contracts';
import { EyeOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Select, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useNow } from '../../platform/clock';
import { useCan } from '../../platform/use-can';
import { setCustomerType } from './crm.api';
import { putCrm, useCrm, useFootprints } from './crm.store';
import { timeAgo, typeLabel, typeOptions, typeTip } from './crm-format';
import { BlockedBanner } from './BlockControls';
import { TagEditor } from './TagEditor';
import './crm.locales';
import './crm.css';

const LATEST_SHOWN_MS = 10 * 60_000;

/** Top of the right pane, beside the chat: blacklist state, customer type with its strategy tip, tags, what the buyer just looked at. */
export function CustomerInsight({ buyerId, crm: loaded }: { buyerId: string; crm: CustomerCrmView | undefined }) {
  const { t } = useTranslation();
  const may = useCan();
  const { message } = AntApp.useApp();
  useEffect(() => {
    if (loaded) putCrm(buyerId, loaded);
  }, [buyerId, loaded]);
  const crm = useCrm(buyerId, loaded);
  if (!crm) return null;
  const type = crm.customerType?.key ?? null;

  const changeType = (value: CustomerType | undefined) => {
    setCustomerType(buyerId, value ?? null).catch((error: unknown) => void message.error(errorMessage(error)));
  };

  return (
    <div className="crm-insight" data-testid="customer-insight">
      {crm.blocked && <BlockedBanner buyerId={buyerId} blocked={crm.blocked} />}
      <div className="crm-row">
        <span className="crm-label">{t('crm.type')}</span>
        <Select<CustomerType>
          size="small"
          style={{ flex: 1, minWidth: 0 }}
          value={type ?? undefined}
          placeholder={t('crm.typeUnset')}
          allowClear
          disabled={!may('crm.set_type')}
          onChange={changeType}
          data-testid="customer-type-select"
          popupMatchSelectWidth={false}
          options={typeOptions().map((o) => ({
            value: o.value,
            label: o.label,
            title: o.sign,
          }))}
          optionRender={(option) => (
            <div data-testid="customer-type-option" data-type={option.value}>
              <div>{option.label}</div>
              <div className="crm-meta">{(option.data as { title: string }).title}</div>
            </div>
          )}
        />
      </div>
      {type && (
        <Tooltip
          title={
            crm.customerType
              ? t('crm.typeSetBy', { name: crm.customerType.setBy, time: crm.customerType.setAt.slice(0, 10) })
              : ''
          }
        >
          <Alert
            className="crm-tip"
            type="info"
            showIcon
            data-testid="customer-type-tip"
            title={`${typeLabel(type)}：${typeTip(type)}`}
          />
        </Tooltip>
      )}
      <div className="crm-row">
        <span className="crm-label">{t('crm.tags')}</span>
        <TagEditor buyerId={buyerId} tags={crm.tags} />
      </div>
      <LatestFootprint buyerId={buyerId} />
    </div>
  );
}

/** One line when the buyer looked at a product in the last minutes: the agent sees it without opening 足迹. */
function LatestFootprint({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const latest = useFootprints(buyerId)?.[0];
  if (!latest || now - Date.parse(latest.viewedAt) > LATEST_SHOWN_MS) return null;
  return (
    <div className="crm-latest" data-testid="footprint-latest" title={latest.title}>
      <EyeOutlined /> {t('crm.viewing')}：{latest.title} · {timeAgo(latest.viewedAt, now, t)}
    </div>
  );
}
