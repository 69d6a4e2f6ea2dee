import { CaseType, formatFen, REFUND_CASE_TYPES, type OrderView } from '@golddesk/contracts';
import { Alert, App as AntApp, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { openCaseView } from './case.store';
import { useCaseWords, yuanToFen } from './case-words';
import { openCase } from './cases.api';

interface OpenCaseModalProps {
  /** The buyer's orders (newest first); the case is opened on one of them. */
  orders: OrderView[];
  /** The open chat, linked to the case. */
  conversationId: string | null;
  onClose: () => void;
}

interface OpenCaseForm {
  orderId: string;
  type: CaseType;
  itemIndexes: number[];
  reason?: string;
  refundYuan?: number | null;
}

/** The newest order the buyer paid for (after-sales is about goods bought), else the newest. */
function defaultOrder(orders: OrderView[]): OrderView | undefined {
  return orders.find((o) => o.status !== 'pending_payment' && o.status !== 'closed') ?? orders[0];
}

/** 新建售后: which order (and lines), the type, the reason and, for refunds, the amount; the case view opens after. */
export function OpenCaseModal({ orders, conversationId, onClose }: OpenCaseModalProps) {
  const { t } = useTranslation();
  const words = useCaseWords();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<OpenCaseForm>();
  const [requestId] = useState(() => crypto.randomUUID());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orderId = Form.useWatch('orderId', form);
  const type = Form.useWatch('type', form);
  const order = orders.find((o) => o.id === orderId);
  const refund = !!type && REFUND_CASE_TYPES.includes(type);

  async function submit(values: OpenCaseForm) {
    setSubmitting(true);
    setError(null);
    try {
      const opened = await openCase({
        requestId,
        type: values.type,
        orderId: values.orderId,
        conversationId: conversationId ?? undefined,
        reason: values.reason?.trim() || undefined,
        itemIndexes: values.itemIndexes?.length ? values.itemIndexes : undefined,
        refundFen: refund && values.refundYuan != null ? yuanToFen(values.refundYuan) : undefined,
      });
      void message.success(t('cases.open.done', { caseNo: opened.caseNo }));
      onClose();
      openCaseView(opened.id);
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={t('cases.open.title')}
      okText={t('cases.open.submit')}
      cancelText={t('cases.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
      data-testid="case-open-modal"
    >
      <Form<OpenCaseForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ orderId: defaultOrder(orders)?.id, itemIndexes: [] }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<OpenCaseForm>) => 'orderId' in changed && form.setFieldValue('itemIndexes', [])}
      >
        <Form.Item name="orderId" label={t('cases.open.order')} rules={[{ required: true }]}>
          <Select
            data-testid="case-open-order"
            options={orders.map((o) => ({
              value: o.id,
              label: `${o.orderNo} · ${t(`customer.status.${o.status}`)} · ${formatFen(o.totalFen)}`,
            }))}
          />
        </Form.Item>
        {order && order.items.length > 1 && (
          <Form.Item name="itemIndexes" label={t('cases.open.lines')} extra={t('cases.open.linesHint')}>
            <Checkbox.Group
              className="case-open-lines"
              options={order.items.map((item, index) => ({
                value: index,
                label: `${item.title}${Object.values(item.skuProps).length ? `（${Object.values(item.skuProps).join('/')}）` : ''} ×${item.quantity}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="type" label={t('cases.open.type')} rules={[{ required: true, message: t('cases.open.typeRequired') }]}>
          <Select
            data-testid="case-open-type"
            placeholder={t('cases.open.typePlaceholder')}
            options={CaseType.options.map((value) => ({ value, label: words.type(value) }))}
          />
        </Form.Item>
        {refund && (
          <Form.Item
            name="refundYuan"
            label={t('cases.open.refund')}
            extra={order && t('cases.open.refundHint', { total: formatFen(order.totalFen) })}
          >
            <InputNumber
              min={0}
              max={order ? order.totalFen / 100 : undefined}
              precision={2}
              prefix="¥"
              style={{ width: 180 }}
              data-testid="case-open-refund"
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('cases.open.reason')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('cases.open.reasonPlaceholder')}
            data-testid="case-open-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="case-open-error" />}
    </Modal>
  );
}
