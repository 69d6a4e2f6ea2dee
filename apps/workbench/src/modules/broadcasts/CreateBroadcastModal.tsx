import {
  BROADCAST_TEMPLATE_MAX,
  BROADCAST_THROTTLE_DEFAULT,
  BROADCAST_THROTTLE_MAX,
  BROADCAST_VARIABLES,
  fillBroadcastTemplate,
  type BroadcastView,
  type SegmentView,
} from '@golddesk/contracts';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { createBroadcast, fetchAudience, fetchSegments, type Audience } from './broadcasts.api';

/** 新建群发: segment with its reachable size, template with variables and a preview, throttle, now or at a time. */
export function CreateBroadcastModal({
  onClose,
  onSaved,
}: {
  onClose(): void;
  onSaved(b: BroadcastView, start: boolean): Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    title: string;
    template: string;
    segmentId: string;
    throttlePerMinute: number;
    when: 'now' | 'later';
    at?: Dayjs;
  }>();
  const [segments, setSegments] = useState<SegmentView[]>([]);
  const [audience, setAudience] = useState<Audience | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const template = Form.useWatch('template', form) ?? '';
  const segmentId = Form.useWatch('segmentId', form);
  const when = Form.useWatch('when', form);

  useEffect(() => {
    void fetchSegments()
      .then(setSegments)
      .catch((caught: unknown) => setError(errorMessage(caught)));
  }, []);
  useEffect(() => {
    setAudience(null);
    if (segmentId)
      void fetchAudience(segmentId)
        .then(setAudience)
        .catch(() => setAudience(null));
  }, [segmentId]);

  async function save(start: boolean) {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const saved = await createBroadcast({
        title: values.title,
        template: values.template,
        segmentId: values.segmentId,
        filter: null,
        throttlePerMinute: values.throttlePerMinute,
        scheduledAt: values.when === 'later' && values.at ? values.at.toISOString() : null,
      });
      await onSaved(saved, start);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const insert = (variable: string) => form.setFieldValue('template', `${form.getFieldValue('template') ?? ''}${variable}`);
  const preview = fillBroadcastTemplate(template, { buyerNick: '小雨', shopName: '本店', promotions: '全场满 300 减 40' });
  return (
    <Modal
      open
      title={t('broadcasts.form.title')}
      onCancel={onClose}
      width={620}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('broadcasts.form.cancel')}
        </Button>,
        <Button key="save" loading={saving} onClick={() => void save(false)}>
          {t('broadcasts.form.save')}
        </Button>,
        <Button key="start" type="primary" loading={saving} onClick={() => void save(true)} data-testid="broadcast-save-start">
          {t('broadcasts.form.saveAndStart')}
        </Button>,
      ]}
    >
      <div data-testid="broadcast-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ template: t('broadcasts.template'), throttlePerMinute: BROADCAST_THROTTLE_DEFAULT, when: 'now' }}
        >
          <Form.Item
            name="title"
            label={t('broadcasts.form.name')}
            rules={[{ required: true, whitespace: true, message: t('broadcasts.form.required') }]}
          >
            <Input maxLength={60} placeholder={t('broadcasts.form.namePlaceholder')} data-testid="broadcast-title" />
          </Form.Item>
          <Form.Item
            name="segmentId"
            label={t('broadcasts.form.segment')}
            rules={[{ required: true, message: t('broadcasts.form.required') }]}
            extra={
              audience ? (
                <span data-testid="broadcast-audience">{t('broadcasts.form.audience', { ...audience })}</span>
              ) : undefined
            }
          >
            <Select
              placeholder={t('broadcasts.form.segmentPlaceholder')}
              data-testid="broadcast-segment"
              options={segments.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Form.Item label={t('broadcasts.form.template')} required>
            <Space size={4} wrap style={{ marginBottom: 6 }}>
              <Typography.Text type="secondary">{t('broadcasts.form.variables')}</Typography.Text>
              {BROADCAST_VARIABLES.map((v) => (
                <Tag key={v} color="blue" style={{ cursor: 'pointer' }} onClick={() => insert(v)}>
                  {v}
                </Tag>
              ))}
            </Space>
            <Form.Item
              name="template"
              noStyle
              rules={[{ required: true, whitespace: true, message: t('broadcasts.form.required') }]}
            >
              <Input.TextArea rows={4} maxLength={BROADCAST_TEMPLATE_MAX} showCount data-testid="broadcast-template" />
            </Form.Item>
          </Form.Item>
          <div style={{ background: '#f6f8fa', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('broadcasts.form.preview', { nick: '小雨' })}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="broadcast-preview">
              {preview}
            </div>
          </div>
          <Space size={24} align="start">
            <Form.Item name="throttlePerMinute" label={t('broadcasts.form.throttle')} rules={[{ required: true }]}>
              <InputNumber min={1} max={BROADCAST_THROTTLE_MAX} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="when" label={t('broadcasts.form.schedule')}>
              <Radio.Group
                options={[
                  { value: 'now', label: t('broadcasts.form.now') },
                  { value: 'later', label: t('broadcasts.form.later') },
                ]}
              />
            </Form.Item>
          </Space>
          {when === 'later' && (
            <Form.Item name="at" rules={[{ required: true, message: t('broadcasts.form.required') }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
