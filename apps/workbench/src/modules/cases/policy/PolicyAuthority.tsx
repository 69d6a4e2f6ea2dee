import type { AgentRole } from '@golddesk/contracts';
import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { PolicyCard } from './PolicyParts';

const ROLES: readonly AgentRole[] = ['presale', 'support', 'aftersale', 'manager', 'owner'];

/** 补偿权限: goodwill each role gives in one click (yuan); beyond it a manager approves. Only the owner changes these. */
export function PolicyAuthority({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <PolicyCard
      title={t('cases.policy.authority')}
      hint={editable ? t('cases.policy.authorityHint') : t('cases.policy.authorityOwnerOnly')}
      testId="policy-authority"
    >
      <div className="policy-grid">
        {ROLES.map((role) => (
          <Form.Item key={role} name={['limitsYuan', role]} label={t(`role.${role}`)} rules={[{ required: true }]}>
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              prefix="¥"
              disabled={!editable}
              style={{ width: 150 }}
              data-testid={`policy-limit-${role}`}
            />
          </Form.Item>
        ))}
      </div>
    </PolicyCard>
  );
}
