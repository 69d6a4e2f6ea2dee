import { formatFen, type ApprovalView, type OrderView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrderAction, type OrderDialogProps } from './use-order-action';

interface PriceForm {
  totalYuan: number | null;
  reason?: string;
}

/** 改价 (unpaid orders): the new total in yuan with the discount it makes; beyond the role's limit it becomes an approval request. */
export function PriceModal({
  order,
  open,
  onClose,
  onApproval,
}: OrderDialogProps<OrderView> & { onApproval?: (approval: ApprovalView) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PriceForm>();
  const { submit, submitting, error } = useOrderAction(order.id, open);
  const [approval, setApproval] = useState<ApprovalView | null>(null);
  const totalYuan = Form.useWatch('totalYuan', form);
  // The server measures the discount against the total before any 改价.
  const base = order.originalTotalFen ?? order.totalFen;
  const newFen = typeof totalYuan === 'number' ? Math.round(totalYuan * 100) : null;
  const discount = newFen !== null && newFen < base ? 1 - newFen / base : 0;

  useEffect(() => {
    if (open) setApproval(null);
  }, [open]);

  async function onFinish(values: PriceForm) {
    if (values.totalYuan === null) return;
    const answer = await submit('change-price', {
      newTotalFen: Math.round(values.totalYuan * 100),
      ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
    });
    if (!answer) return;
    if (answer.result === 'approval_requested') {
      setApproval(answer.approval);
      onApproval?.(answer.approval);
      return;
    }
    void message.success(t('orders.price.applied'));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('orders.price.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={approval ? <Button onClick={onClose}>{t('orders.dismiss')}</Button> : undefined}
      okText={t('orders.price.submit')}
      okButtonProps={{ loading: submitting, htmlType: 'submit', 'data-testid': 'price-form-submit' }}
      modalRender={(dom) =>
        approval ? (
          dom
        ) : (
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ totalYuan: order.totalFen / 100 }}
            clearOnDestroy
          >
            {dom}
          </Form>
        )
      }
    >
      {approval ? (
        <Result
          status="info"
          title={t('orders.price.approvalRequested')}
          subTitle={
            <span data-testid="price-approval-requested">
              {approval.summary}
              <br />
              {t('orders.price.approvalHint')}
            </span>
          }
        />
      ) : (
        <>
          <div className="price-facts">
            <span>
              {t('orders.price.current')} <strong>{formatFen(order.totalFen)}</strong>
            </span>
            {order.originalTotalFen !== null && (
              <span className="muted">
                {t('orders.price.original')} {formatFen(order.originalTotalFen)}
              </span>
            )}
          </div>
          <Form.Item
            name="totalYuan"
            label={t('orders.price.newTotal')}
            rules={[{ required: true, message: t('form.required', { field: t('orders.price.newTotal') }) }]}
            extra={
              <span data-testid="price-form-discount">
                {newFen === null
                  ? ' '
                  : newFen > base
                    ? t('orders.price.raise', { amount: formatFen(newFen - base) })
                    : t('orders.price.discount', { pct: (discount * 100).toFixed(1), amount: formatFen(base - newFen) })}
              </span>
            }
          >
            <InputNumber<number>
              min={0.01}
              max={10_000_000}
              precision={2}
              prefix="¥"
              style={{ width: '100%' }}
              data-testid="price-form-total"
              autoFocus
            />
          </Form.Item>
          <Form.Item name="reason" label={t('orders.price.reason')}>
            <Input maxLength={200} placeholder={t('orders.price.reasonPlaceholder')} data-testid="price-form-reason" />
          </Form.Item>
          <Typography.Text type="secondary" className="form-note">
            {t('orders.price.limitHint')}
          </Typography.Text>
          {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
        </>
      )}
    </Modal>
  );
}
