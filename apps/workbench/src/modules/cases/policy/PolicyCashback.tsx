import { CASHBACK_RULE } from '@golddesk/contracts';
import { Alert, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { PolicyCard } from './PolicyParts';

// The contract's cap on goodReviewCashbackFen (¥100).
const MAX_CASHBACK_YUAN = 100;

/** 好评返现: what finance pays after a good review with a screenshot (¥, 0 = none), under it the marketplace's rule. */
export function PolicyCashback() {
  const { t, i18n } = useTranslation();
  return (
    <PolicyCard title={t('cases.policy.cashback')} hint={t('cases.policy.cashbackHint')} testId="policy-cashback">
      <Form.Item name="cashbackYuan" label={t('cases.policy.cashbackAmount')} rules={[{ required: true }]}>
        <InputNumber
          min={0}
          max={MAX_CASHBACK_YUAN}
          precision={2}
          prefix="¥"
          style={{ width: 150 }}
          data-testid="policy-cashback-amount"
        />
      </Form.Item>
      <Alert
        type="warning"
        showIcon
        title={t('cases.policy.cashbackRuleTitle')}
        description={CASHBACK_RULE[i18n.language === 'en' ? 'en' : 'zh-CN']}
        data-testid="policy-cashback-rule"
      />
    </PolicyCard>
  );
}
