import { ReviewOutcome, type ReviewView } from '@golddesk/contracts';
import { Alert, App as AntApp, Form, Input, Modal, Rate, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useReviewWords } from './review-words';
import { recordReviewOutcome } from './reviews.api';

interface OutcomeForm {
  outcome: ReviewOutcome;
  note?: string;
}

interface ReviewOutcomeModalProps {
  review: ReviewView;
  onClose: () => void;
  /** Called with the review as the server now has it (outcome set, follow-up done). */
  onDone: (review: ReviewView) => void;
}

/** 记录结果: how the follow-up of a 中差评 ended (已修改 / 已解释 / 未回复 / 恶意差评申诉) and a note. */
export function ReviewOutcomeModal({ review, onClose, onDone }: ReviewOutcomeModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const words = useReviewWords();
  const [form] = Form.useForm<OutcomeForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: OutcomeForm) {
    setSaving(true);
    setError(null);
    try {
      const saved = await recordReviewOutcome(review.id, values.outcome, values.note?.trim() || undefined);
      void message.success(t('reviews.modal.saved', { outcome: words.outcome(values.outcome) }));
      onDone(saved);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('reviews.modal.title')}
      okText={t('reviews.modal.submit')}
      cancelText={t('reviews.modal.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="review-outcome-modal"
    >
      <div className="review-modal-summary">
        <Rate disabled value={review.rating} className="review-stars" />
        <Typography.Text type="secondary">
          {t('reviews.modal.summary', { stars: review.rating, orderNo: review.orderNo })}
        </Typography.Text>
      </div>
      {review.text && (
        <Typography.Paragraph className="review-modal-text" ellipsis={{ rows: 3, expandable: true }}>
          {review.text}
        </Typography.Paragraph>
      )}
      <Form<OutcomeForm> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="outcome"
          label={t('reviews.modal.outcome')}
          rules={[{ required: true, message: t('reviews.modal.outcomeRequired') }]}
        >
          <Select<ReviewOutcome>
            placeholder={t('reviews.modal.outcomeRequired')}
            options={ReviewOutcome.options.map((value) => ({ value, label: words.outcome(value) }))}
            // The list explains each outcome; the chosen one shows its word only.
            optionRender={(option) => (
              <div data-testid={`review-outcome-${String(option.value)}`}>
                <div>{option.label}</div>
                <div className="review-option-hint">{t(`reviews.modal.hint.${String(option.value)}`)}</div>
              </div>
            )}
            data-testid="review-outcome-select"
          />
        </Form.Item>
        <Form.Item name="note" label={t('reviews.modal.note')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('reviews.modal.notePlaceholder')}
            data-testid="review-outcome-note"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
