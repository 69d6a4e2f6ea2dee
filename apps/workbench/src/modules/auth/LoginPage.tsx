import type { LoginRequest } from '@golddesk/contracts';
import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { SignedOutCard } from './SignedOutCard';
import { unlockAlerts } from '../../platform/notify';
import { login } from './auth.api';
import { readLastLogin, rememberLogin } from './last-login';

/** The agent sign-in form: shop, username, password. */
export function LoginPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onFinish(values: LoginRequest) {
    setSubmitting(true);
    setError(null);
    try {
      await login({ shop: values.shop.trim(), username: values.username.trim(), password: values.password });
      rememberLogin(values.shop.trim(), values.username.trim());
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <SignedOutCard title={t('app.title')} subtitle={t('login.subtitle')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginRequest>
        layout="vertical"
        initialValues={{ ...readLastLogin(), password: '' }}
        onFinish={onFinish}
        requiredMark={false}
      >
        <Form.Item
          name="shop"
          label={t('login.shop')}
          rules={[{ required: true, message: t('login.required', { field: t('login.shop') }) }]}
        >
          <Input prefix={<ShopOutlined />} autoComplete="organization" data-testid="login-shop" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submitting}
          onClick={unlockAlerts}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
    </SignedOutCard>
  );
}
