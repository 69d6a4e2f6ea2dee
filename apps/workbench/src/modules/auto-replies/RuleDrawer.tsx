import {
  AUTO_REPLY_VARIABLES,
  MAX_AUTO_REPLY_TEXT,
  MAX_KEYWORDS,
  type AutoReplyInput,
  type AutoReplyKind,
} from '@golddesk/contracts';
import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { previewAutoReply } from './auto-replies.api';

/** What a new rule of each kind starts with. */
export function defaultsFor(kind: AutoReplyKind, t: (key: string) => string): AutoReplyInput {
  const base: AutoReplyInput = {
    kind,
    name: t(`autoReplies.kinds.${kind}`),
    enabled: true,
    priority: 100,
    keywords: [],
    match: 'contains',
    text: '',
    cooldownMinutes: 0,
    afterHours: 0,
    maxQueue: 10,
    maxWaitSeconds: 0,
    delaySeconds: 60,
  };
  const texts: Record<AutoReplyKind, string> = {
    welcome: '亲，欢迎光临～\n本店正在进行：{店铺活动}\n{活动链接}\n有任何问题直接留言，客服马上为您解答哦！',
    offline: '亲，现在是下班时间，客服上线后会第一时间回复您～',
    busy: '亲，现在咨询的买家较多，客服正在逐一回复，请稍等片刻哦～',
    keyword: '',
    delayed: '亲，客服正在赶来的路上，请稍等一下下～',
  };
  return {
    ...base,
    text: texts[kind],
    cooldownMinutes: kind === 'offline' ? 60 : kind === 'busy' || kind === 'delayed' ? 10 : 0,
  };
}

/** Edits one rule: keywords as tags, match mode, priority, the text with variables and a live preview. */
export function RuleDrawer({
  value,
  open,
  onClose,
  onSave,
}: {
  /** The rule being edited (a new one carries defaults). */
  value: AutoReplyInput | null;
  open: boolean;
  onClose: () => void;
  /** Resolves when saved; a thrown error is shown in the drawer. */
  onSave: (input: AutoReplyInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AutoReplyInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState('');
  const text = Form.useWatch('text', form) ?? '';
  const kind = value?.kind ?? 'keyword';

  useEffect(() => {
    if (open && value) {
      form.setFieldsValue(value);
      setError(null);
    }
  }, [open, value, form]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewAutoReply(text, controller.signal)
        .then(setPreview)
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open]);

  async function submit() {
    const fields = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await onSave({ ...value!, ...fields });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const insert = (variable: string) => form.setFieldValue('text', `${form.getFieldValue('text') ?? ''}${variable}`);
  const title = t(value && 'id' in value ? 'autoReplies.drawer.titleEdit' : 'autoReplies.drawer.titleNew', {
    kind: t(`autoReplies.kinds.${kind}`),
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={520}
      destroyOnHidden
      data-testid="auto-reply-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('autoReplies.drawer.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="auto-reply-save">
            {t('autoReplies.drawer.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="auto-reply-error" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t('autoReplies.drawer.name')} rules={[{ required: true, max: 40 }]}>
          <Input data-testid="auto-reply-name" maxLength={40} />
        </Form.Item>
        {kind === 'keyword' && (
          <>
            <Form.Item
              name="keywords"
              label={t('autoReplies.drawer.keywords')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select
                mode="tags"
                maxCount={MAX_KEYWORDS}
                open={false}
                tokenSeparators={[',', '，']}
                data-testid="auto-reply-keywords"
              />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item name="match" label={t('autoReplies.drawer.match')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'contains', label: t('autoReplies.match.contains') },
                    { value: 'exact', label: t('autoReplies.match.exact') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="priority" label={t('autoReplies.drawer.priority')}>
                <InputNumber min={0} max={9999} data-testid="auto-reply-priority" />
              </Form.Item>
            </Space>
          </>
        )}
        {kind === 'welcome' && (
          <Form.Item name="afterHours" label={t('autoReplies.drawer.afterHours')}>
            <InputNumber min={0} max={8760} suffix={t('autoReplies.drawer.hours')} />
          </Form.Item>
        )}
        {kind === 'busy' && (
          <Space size="large" wrap>
            <Form.Item name="maxQueue" label={t('autoReplies.drawer.maxQueue')}>
              <InputNumber min={0} max={10000} />
            </Form.Item>
            <Form.Item name="maxWaitSeconds" label={t('autoReplies.drawer.maxWaitSeconds')}>
              <InputNumber min={0} max={86400} suffix={t('autoReplies.drawer.seconds')} />
            </Form.Item>
          </Space>
        )}
        {kind === 'delayed' && (
          <Form.Item name="delaySeconds" label={t('autoReplies.drawer.delaySeconds')}>
            <InputNumber min={5} max={86400} suffix={t('autoReplies.drawer.seconds')} />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={t('autoReplies.drawer.text')}
          rules={[{ required: true, whitespace: true }]}
          style={{ marginBottom: 4 }}
        >
          <Input.TextArea rows={5} maxLength={MAX_AUTO_REPLY_TEXT} showCount data-testid="auto-reply-text" />
        </Form.Item>
        <div className="auto-reply-variables">
          <Typography.Text type="secondary">{t('autoReplies.drawer.variables')}</Typography.Text>
          {[...AUTO_REPLY_VARIABLES, '{店铺名}'].map((v) => (
            <Tag key={v} className="auto-reply-variable" onClick={() => insert(v)}>
              {v}
            </Tag>
          ))}
        </div>
        <Typography.Text type="secondary">{t('autoReplies.drawer.preview')}</Typography.Text>
        <div className="auto-reply-preview" data-testid="auto-reply-preview">
          {preview || ' '}
        </div>
        <Form.Item name="cooldownMinutes" label={t('autoReplies.drawer.cooldown')} style={{ marginTop: 16 }}>
          <InputNumber min={0} max={10080} suffix={t('autoReplies.drawer.minutes')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
