import type { SetupRequest } from '@golddesk/contracts';
import { IdcardOutlined, LockOutlined, ShopOutlined, TagOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../platform/api-client';
import { SignedOutCard } from '../auth';
import { unlockAlerts } from '../../platform/notify';
import { passwordRules, requiredRule, shopSlugRules, usernameRules } from '../team';
import { setUpShop } from './setup.api';

interface SetupPageProps {
  /** Someone else finished setup meanwhile (409): show the login form instead. */
  onAlreadySetUp: () => void;
}

type SetupValues = SetupRequest & { passwordConfirm: string };

/** First run without the demo shop: create the shop and its owner, then go straight into the workbench. */
export function SetupPage({ onAlreadySetUp }: SetupPageProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onFinish({ passwordConfirm: _confirm, ...values }: SetupValues) {
    setSubmitting(true);
    setError(null);
    try {
      await setUpShop({
        ...values,
        shop: values.shop.trim(),
        shopName: values.shopName.trim(),
        username: values.username.trim(),
        name: values.name.trim(),
      });
    } catch (caught) {
      setError({ text: errorMessage(caught), conflict: caught instanceof ApiError && caught.status === 409 });
      setSubmitting(false);
    }
  }

  return (
    <SignedOutCard title={t('setup.title')} subtitle={t('setup.subtitle')} className="setup-card" testId="setup-page">
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.text}
          style={{ marginBottom: 16 }}
          data-testid="setup-error"
          action={
            error.conflict ? (
              <Button size="small" onClick={onAlreadySetUp}>
                {t('setup.toLogin')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<SetupValues> layout="vertical" onFinish={onFinish} requiredMark={false} className="setup-form">
        <Form.Item name="shop" label={t('setup.shop')} rules={shopSlugRules(t, t('setup.shop'))} extra={t('setup.shopHint')}>
          <Input
            prefix={<TagOutlined />}
            placeholder="my-shop"
            maxLength={64}
            autoFocus
            autoComplete="off"
            data-testid="setup-shop"
          />
        </Form.Item>
        <Form.Item name="shopName" label={t('setup.shopName')} rules={[requiredRule(t, t('setup.shopName'))]}>
          <Input
            prefix={<ShopOutlined />}
            placeholder={t('setup.shopNamePlaceholder')}
            maxLength={64}
            autoComplete="organization"
            data-testid="setup-shop-name"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="username"
            label={t('setup.username')}
            rules={usernameRules(t, t('setup.username'))}
            extra={t('setup.usernameHint')}
          >
            <Input prefix={<UserOutlined />} maxLength={64} autoComplete="username" data-testid="setup-username" />
          </Form.Item>
          <Form.Item name="name" label={t('setup.name')} rules={[requiredRule(t, t('setup.name'))]} extra={t('setup.nameHint')}>
            <Input prefix={<IdcardOutlined />} maxLength={32} autoComplete="name" data-testid="setup-name" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="password" label={t('setup.password')} rules={passwordRules(t, t('setup.password'))}>
            <Input.Password prefix={<LockOutlined />} maxLength={256} autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          <Form.Item
            name="passwordConfirm"
            label={t('setup.passwordConfirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('form.required', { field: t('setup.passwordConfirm') }) },
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) =>
                  !value || value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('form.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              maxLength={256}
              autoComplete="new-password"
              data-testid="setup-password-confirm"
            />
          </Form.Item>
        </div>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submitting}
          onClick={unlockAlerts}
          className="setup-submit"
          data-testid="setup-submit"
        >
          {t('setup.submit')}
        </Button>
      </Form>
    </SignedOutCard>
  );
}
