import type { OrderView } from '@golddesk/contracts';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS } from './order-format';
import { useOrderAction, type OrderDialogProps } from './use-order-action';

interface CloseForm {
  reason: string;
  detail?: string;
}

/** 关闭订单 (unpaid only): a reason from the list, plus words of one's own; the buyer is told the reason. */
export function CloseOrderModal({ order, open, onClose }: OrderDialogProps<OrderView>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CloseForm>();
  const { submit, submitting, error } = useOrderAction(order.id, open);
  const reason = Form.useWatch('reason', form);

  async function onFinish(values: CloseForm) {
    const detail = values.detail?.trim() ?? '';
    // 其他 stands for the agent's own words; a listed reason may carry a detail after it.
    const text = values.reason === '其他' ? detail : detail ? `${values.reason}（${detail}）` : values.reason;
    const answer = await submit('close', { reason: text.slice(0, 200) });
    if (!answer) return;
    void message.success(t('orders.close.done'));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('orders.close.title', { orderNo: order.orderNo })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('orders.close.submit')}
      okButtonProps={{ danger: true, loading: submitting, htmlType: 'submit', 'data-testid': 'close-form-submit' }}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={onFinish} clearOnDestroy initialValues={{ reason: CLOSE_REASONS[0].value }}>
          {dom}
        </Form>
      )}
    >
      <Alert type="warning" showIcon title={t('orders.close.warning')} className="form-note" />
      <Form.Item name="reason" label={t('orders.close.reason')} rules={[{ required: true }]}>
        <Select
          data-testid="close-form-reason"
          options={CLOSE_REASONS.map((r) => ({ value: r.value, label: t(`orders.close.reasons.${r.key}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="detail"
        label={t('orders.close.detail')}
        rules={reason === '其他' ? [{ required: true, whitespace: true, message: t('orders.close.detailRequired') }] : []}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={150} data-testid="close-form-detail" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
    </Modal>
  );
}
