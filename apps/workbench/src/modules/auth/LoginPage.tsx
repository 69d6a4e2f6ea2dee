import type { LoginRequest } from '@golddesk/contracts';
import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { unlockAlerts } from '../chat/notify';
import { login } from './auth.api';

const LAST_LOGIN_KEY = 'golddesk.lastLogin';

function lastLogin(): { shop: string; username: string } {
  try {
    const saved = JSON.parse(localStorage.getItem(LAST_LOGIN_KEY) ?? '{}') as { shop?: string; username?: string };
    return { shop: saved.shop || 'demo', username: saved.username ?? '' };
  } catch {
    return { shop: 'demo', username: '' };
  }
}

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
      localStorage.setItem(LAST_LOGIN_KEY, JSON.stringify({ shop: values.shop.trim(), username: values.username.trim() }));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <span className="brand-mark">金</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginRequest> layout="vertical" initialValues={{ ...lastLogin(), password: '' }} onFinish={onFinish} requiredMark={false}>
          <Form.Item name="shop" label={t('login.shop')} rules={[{ required: true, message: t('login.required', { field: t('login.shop') }) }]}>
            <Input prefix={<ShopOutlined />} autoComplete="organization" data-testid="login-shop" />
          </Form.Item>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} onClick={unlockAlerts} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
