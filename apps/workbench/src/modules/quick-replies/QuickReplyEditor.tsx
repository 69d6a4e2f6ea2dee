import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { QUICK_REPLY_LIMITS, QUICK_REPLY_VARIABLES, type QuickReplyScope, type QuickReplyView } from '@golddesk/contracts';
import { App as AntApp, AutoComplete, Button, Form, Input, Modal, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { IMAGE_TYPES, imageProblem } from '../conversations';
import { createQuickReply, updateQuickReply, uploadPhraseImage } from './quick-replies.api';

interface EditorProps {
  /** The phrase being edited, or null for a new one in `scope`. */
  phrase: QuickReplyView | null;
  scope: QuickReplyScope;
  groups: string[];
  open: boolean;
  onClose: () => void;
  onSaved: (phrase: QuickReplyView) => void;
}

interface Values {
  group: string;
  code: string;
  content: string;
}

/** The add/edit dialog: 分组, 快捷编码, 内容 with clickable variables, and an optional image. */
export function QuickReplyEditor({ phrase, scope, groups, open, onClose, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [image, setImage] = useState<{ id: string; url: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ group: phrase?.group ?? '', code: phrase?.code ?? '', content: phrase?.content ?? '' });
    setImage(phrase?.imageAttachmentId && phrase.imageUrl ? { id: phrase.imageAttachmentId, url: phrase.imageUrl } : null);
  }, [open, phrase, form]);

  const insertVariable = (name: string) => {
    const content = form.getFieldValue('content') ?? '';
    form.setFieldValue('content', `${content}{${name}}`);
  };

  const pickImage = async (file: File) => {
    const problem = imageProblem(file);
    if (problem) return void message.error(t(problem));
    try {
      const attachment = await uploadPhraseImage(file);
      setImage({ id: attachment.id, url: attachment.url });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        group: values.group.trim(),
        code: values.code.trim() || null,
        content: values.content.trim(),
        imageAttachmentId: image?.id ?? null,
      };
      const saved = phrase ? await updateQuickReply(phrase.id, body) : await createQuickReply({ ...body, scope });
      void message.success(t('quickReplies.saved'));
      onSaved(saved);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={
        phrase
          ? t('quickReplies.edit')
          : `${t('quickReplies.add')} · ${t(scope === 'team' ? 'quickReplies.team' : 'quickReplies.mine')}`
      }
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'quick-reply-save' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" data-testid="quick-reply-form">
        <Form.Item name="group" label={t('quickReplies.group')} rules={[{ max: QUICK_REPLY_LIMITS.group }]}>
          <AutoComplete
            options={groups.filter(Boolean).map((g) => ({ value: g }))}
            placeholder={t('quickReplies.ungrouped')}
            data-testid="quick-reply-group"
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('quickReplies.code')}
          extra={t('quickReplies.codeHelp')}
          rules={[{ max: QUICK_REPLY_LIMITS.code }]}
        >
          <Input prefix="/" maxLength={QUICK_REPLY_LIMITS.code} data-testid="quick-reply-code" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('quickReplies.content')}
          extra={t('quickReplies.contentHelp')}
          rules={[{ required: true, whitespace: true }, { max: QUICK_REPLY_LIMITS.content }]}
        >
          <Input.TextArea rows={4} showCount maxLength={QUICK_REPLY_LIMITS.content} data-testid="quick-reply-content" />
        </Form.Item>
        <div className="qr-variables">
          <span>{t('quickReplies.variables')}：</span>
          {QUICK_REPLY_VARIABLES.map((v) => (
            <Tag key={v.name} className="qr-variable" onClick={() => insertVariable(v.name)}>{`{${v.name}}`}</Tag>
          ))}
        </div>
        <div className="qr-image-row">
          {image ? (
            <>
              <img src={image.url} alt="" className="qr-image-thumb" />
              <Button icon={<DeleteOutlined />} onClick={() => setImage(null)}>
                {t('quickReplies.removeImage')}
              </Button>
            </>
          ) : (
            <Button icon={<PictureOutlined />} onClick={() => fileInput.current?.click()}>
              {t('quickReplies.addImage')}
            </Button>
          )}
          <input
            ref={fileInput}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void pickImage(file);
              event.target.value = '';
            }}
          />
        </div>
      </Form>
    </Modal>
  );
}
