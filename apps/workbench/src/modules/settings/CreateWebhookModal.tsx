import { WebhookEventType as WebhookEventTypes, type WebhookEventType, type WebhookView } from '@golddesk/contracts';
import { Alert, Button, Checkbox, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { SecretField } from './SecretField';
import { createWebhook } from './settings.api';

interface FormValues {
  url: string;
  events: WebhookEventType[];
}

/** 新建 Webhook: URL and events, checked here in Chinese before the server checks again; then its secret, once, to copy. */
export function CreateWebhookModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** A webhook was stored (the list shows it at once). */
  onCreated: (webhook: WebhookView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookView | null>(null);

  function close() {
    form.resetFields();
    setError(null);
    setCreated(null);
    onClose();
  }

  async function submit(values: FormValues) {
    setSaving(true);
    setError(null);
    try {
      const webhook = await createWebhook(values.url.trim(), values.events);
      setCreated(webhook);
      onCreated(webhook);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={created ? null : t('settings.webhooks.form.title')}
      onCancel={close}
      destroyOnHidden
      width={560}
      footer={
        created ? (
          <Button type="primary" onClick={close} data-testid="webhook-created-done">
            {t('settings.webhooks.form.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('settings.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="webhook-form-submit">
              {t('settings.webhooks.form.submit')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <Result
          status="success"
          title={t('settings.webhooks.form.createdTitle')}
          subTitle={t('settings.webhooks.form.createdHint')}
          extra={<SecretField value={created.secret} testId="webhook-created-secret" />}
          data-testid="webhook-created"
        />
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ url: '', events: ['message.created'] }}
          data-testid="webhook-form"
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="webhook-form-error" />}
          <Form.Item
            name="url"
            label={t('settings.webhooks.form.url')}
            rules={[
              { required: true, whitespace: true, message: t('settings.webhooks.form.urlRequired') },
              { max: 500, message: t('settings.webhooks.form.urlTooLong') },
              {
                validator: (_, value: string) =>
                  !value || isHttpUrl(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('settings.webhooks.form.urlInvalid'))),
              },
            ]}
          >
            <Input placeholder={t('settings.webhooks.form.urlPlaceholder')} data-testid="webhook-form-url" autoFocus />
          </Form.Item>
          <Form.Item
            name="events"
            label={t('settings.webhooks.form.events')}
            rules={[{ required: true, type: 'array', min: 1, message: t('settings.webhooks.form.eventsRequired') }]}
          >
            <Checkbox.Group className="webhook-event-options" data-testid="webhook-form-events">
              {WebhookEventTypes.options.map((type) => (
                <Checkbox key={type} value={type} data-testid={`webhook-event-${type}`}>
                  <span className="webhook-event-name">
                    {t(`settings.webhooks.eventNames.${type.replaceAll('.', '_')}`)}{' '}
                    <Typography.Text code>{type}</Typography.Text>
                  </span>
                  <span className="webhook-event-help">{t(`settings.webhooks.eventHelp.${type.replaceAll('.', '_')}`)}</span>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}
