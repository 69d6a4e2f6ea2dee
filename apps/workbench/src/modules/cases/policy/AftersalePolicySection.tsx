import { can, type AftersalePolicy } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Form, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/api-client';
import type { Session } from '../../../platform/session';
import { fetchPolicy, savePolicy } from '../cases.api';
import { putPolicy } from '../policy.store';
import { fromForm, toForm, type PolicyForm } from './policy-form';
import { PolicyAuthority } from './PolicyAuthority';
import { PolicyCashback } from './PolicyCashback';
import { PolicyExceptions } from './PolicyExceptions';
import { PolicyPhrases } from './PolicyPhrases';
import { PolicyWindows } from './PolicyWindows';
import '../cases.locales';
import '../cases.css';

/**
 * 设置 → 售后政策: return and claim windows, SLA and who pays the return per type, the reminder, the return address,
 * refund freezes (双11), product exceptions, what each role may give without asking (owner only), the 好评返现 and the
 * guide's phrases.
 */
export function AftersalePolicySection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PolicyForm>();
  const [policy, setPolicy] = useState<AftersalePolicy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editable = can(session, 'cases.configure_policy');
  const authority = can(session, 'cases.set_authority');

  useEffect(() => {
    const controller = new AbortController();
    fetchPolicy(controller.signal)
      .then(setPolicy)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  async function save(values: PolicyForm) {
    if (!policy) return;
    setSaving(true);
    setError(null);
    try {
      const next = fromForm(values, policy);
      // A manager's save carries the limits as they were: only the owner changes them.
      const saved = await savePolicy(authority ? next : { ...next, compensationLimitsFen: policy.compensationLimitsFen });
      setPolicy(saved);
      putPolicy(saved);
      form.setFieldsValue(toForm(saved));
      void message.success(t('cases.policy.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  if (!policy) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  return (
    <div data-testid="aftersale-policy">
      <div className="policy-head">
        <Typography.Text type="secondary">{t('cases.policy.intro')}</Typography.Text>
        {editable && (
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="policy-save">
            {t('cases.policy.save')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<PolicyForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!editable}
        initialValues={toForm(policy)}
        onFinish={(values) => void save(values)}
        className="policy-form"
      >
        <PolicyWindows />
        <PolicyExceptions />
        <PolicyAuthority editable={authority} />
        <PolicyCashback />
        <PolicyPhrases />
        {editable && (
          <div className="policy-save">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('cases.policy.save')}
            </Button>
          </div>
        )}
      </Form>
    </div>
  );
}
