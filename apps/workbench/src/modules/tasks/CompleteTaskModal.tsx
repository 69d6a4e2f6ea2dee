import { REMINDER_TASK_OUTCOMES, ReviewOutcome, statusWord, type TaskView } from '@golddesk/contracts';
import { Alert, App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import { completeTask, type TaskCompletion } from './tasks.api';

const FINDINGS = ['defect_confirmed', 'no_defect', 'inconclusive'] as const;
// The contract's rule for tracking numbers, checked here first so the warehouse sees the mistake before sending.
const TRACKING = /^[A-Za-z0-9-]{6,40}$/;

interface CompleteTaskModalProps {
  task: TaskView;
  onClose: () => void;
  /** Called with the finished task. */
  onDone: (task: TaskView) => void;
}

/**
 * 完成: 仓库发货 asks the carrier and tracking number (they flow to the case and the buyer), 质检 the finding, 中差评回访
 * the review's outcome, others a note.
 */
export function CompleteTaskModal({ task, onClose, onDone }: CompleteTaskModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const word = useServerText();
  const [form] = Form.useForm<TaskCompletion>();
  const [requestId] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const kind = statusWord('task', task.kind, language);

  async function submit(values: TaskCompletion) {
    setSaving(true);
    setError(null);
    try {
      const done = await completeTask(task.id, requestId, {
        note: values.note?.trim() || undefined,
        carrier: values.carrier?.trim() || undefined,
        trackingNo: values.trackingNo?.trim() || undefined,
        finding: values.finding,
        reviewOutcome: values.reviewOutcome,
        callOutcome: values.callOutcome,
      });
      void message.success(t('tasks.completed', { kind }));
      onDone(done);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`${t('tasks.completeTitle', { kind })}${task.caseNo ? ` · ${task.caseNo}` : ''}`}
      okText={t('tasks.complete')}
      cancelText={t('tasks.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      data-testid="task-complete-modal"
    >
      <p>{word(task.title, task.titleText)}</p>
      <Form<TaskCompletion> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        {task.kind === 'warehouse_ship' && (
          <>
            <Form.Item
              name="carrier"
              label={t('tasks.carrier')}
              rules={[{ required: true, whitespace: true, message: t('tasks.carrierRequired') }]}
            >
              <Input maxLength={32} placeholder={t('tasks.carrierPlaceholder')} data-testid="task-carrier" />
            </Form.Item>
            <Form.Item
              name="trackingNo"
              label={t('tasks.trackingNo')}
              extra={t('tasks.trackingHint')}
              rules={[{ required: true, pattern: TRACKING, message: t('tasks.trackingFormat') }]}
            >
              <Input maxLength={40} data-testid="task-tracking" />
            </Form.Item>
          </>
        )}
        {task.kind === 'qc_inspect' && (
          <Form.Item name="finding" label={t('tasks.finding')} rules={[{ required: true, message: t('tasks.findingRequired') }]}>
            <Radio.Group
              options={FINDINGS.map((value) => ({ value, label: t(`tasks.findings.${value}`) }))}
              data-testid="task-finding"
            />
          </Form.Item>
        )}
        {task.kind === 'payment_call' && (
          <Form.Item
            name="callOutcome"
            label={t('tasks.callOutcome')}
            rules={[{ required: true, message: t('tasks.callOutcomeRequired') }]}
          >
            <Radio.Group
              options={REMINDER_TASK_OUTCOMES.map((value) => ({ value, label: t(`tasks.callOutcomes.${value}`) }))}
              data-testid="task-call-outcome"
            />
          </Form.Item>
        )}
        {task.kind === 'review_follow_up' && (
          <Form.Item
            name="reviewOutcome"
            label={t('tasks.reviewOutcome')}
            rules={[{ required: true, message: t('tasks.reviewOutcomeRequired') }]}
          >
            <Select
              placeholder={t('tasks.reviewOutcomeRequired')}
              options={ReviewOutcome.options.map((value) => ({ value, label: statusWord('reviewOutcome', value, language) }))}
              data-testid="task-review-outcome"
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('tasks.note')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t(`tasks.notePlaceholder.${task.kind}`)}
            data-testid="task-note"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
