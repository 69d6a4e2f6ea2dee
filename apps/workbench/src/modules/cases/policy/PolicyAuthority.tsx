import type { AgentRole } from '@golddesk/contracts';
import { Card, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLES: readonly AgentRole[] = ['presale', 'support', 'aftersale', 'manager', 'owner'];

/** 补偿权限: goodwill each role gives in one click (yuan); beyond it a manager approves. Only the owner changes these. */
export function PolicyAuthority({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.policy.authority')} className="policy-card" data-testid="policy-authority">
      <Typography.Paragraph type="secondary" className="policy-hint">
        {editable ? t('cases.policy.authorityHint') : t('cases.policy.authorityOwnerOnly')}
      </Typography.Paragraph>
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
    </Card>
  );
}
