import { CaseType } from '@golddesk/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseWords } from '../case-words';
import { PolicyCard } from './PolicyParts';

const WINDOWS = [
  { name: 'noReasonReturnDays', max: 90 },
  { name: 'qualityDays', max: 365 },
  { name: 'exchangeDays', max: 90 },
  { name: 'priceProtectionDays', max: 90 },
  { name: 'repairDays', max: 1095 },
] as const;

// Types whose goods travel back to the shop: someone pays that parcel.
const RETURNED: readonly CaseType[] = ['return_refund', 'exchange', 'wrong_item', 'quality', 'logistics', 'repair'];

/** Windows after signing (days), per type the SLA and who pays the return parcel, the reminder and the return address. */
export function PolicyWindows() {
  const { t } = useTranslation();
  const words = useCaseWords();
  return (
    <>
      <PolicyCard title={t('cases.policy.windows')}>
        <div className="policy-grid">
          {WINDOWS.map((w) => (
            <Form.Item key={w.name} name={w.name} label={t(`cases.policy.${w.name}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={w.max} precision={0} suffix={t('cases.policy.days')} data-testid={`policy-${w.name}`} />
            </Form.Item>
          ))}
        </div>
      </PolicyCard>
      <PolicyCard title={t('cases.policy.perType')}>
        <div className="policy-type-table" role="table">
          <div className="policy-type-row head" role="row">
            <span>{t('cases.policy.type')}</span>
            <span>{t('cases.policy.slaHours')}</span>
            <span>{t('cases.policy.returnShipping')}</span>
          </div>
          {CaseType.options.map((type) => (
            <div className="policy-type-row" role="row" key={type} data-testid={`policy-type-${type}`}>
              <span>{words.type(type)}</span>
              <Form.Item name={['slaHours', type]} noStyle rules={[{ required: true }]}>
                <InputNumber size="small" min={1} max={720} precision={0} suffix={t('cases.policy.hours')} />
              </Form.Item>
              {RETURNED.includes(type) ? (
                <Form.Item name={['returnShipping', type]} noStyle>
                  <Select
                    size="small"
                    style={{ width: 120 }}
                    options={(['buyer', 'shop'] as const).map((payer) => ({
                      value: payer,
                      label: t(`cases.policy.payer.${payer}`),
                    }))}
                  />
                </Form.Item>
              ) : (
                <span className="muted">—</span>
              )}
            </div>
          ))}
        </div>
        <div className="policy-grid" style={{ marginTop: 12 }}>
          <Form.Item name="reminderLeadMinutes" label={t('cases.policy.reminderLead')} rules={[{ required: true }]}>
            <InputNumber min={5} max={1440} precision={0} suffix={t('cases.policy.minutes')} />
          </Form.Item>
        </div>
        <Form.Item name="returnAddress" label={t('cases.policy.returnAddress')} extra={t('cases.policy.returnAddressHint')}>
          <Input maxLength={200} placeholder={t('cases.policy.returnAddressPlaceholder')} data-testid="policy-return-address" />
        </Form.Item>
      </PolicyCard>
    </>
  );
}
