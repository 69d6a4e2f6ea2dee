import type { MemoFlag, OrderView } from '@golddesk/contracts';
import { FlagFilled } from '@ant-design/icons';
import { Alert, App as AntApp, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMO_FLAGS } from './order-format';
import { useOrderAction, type OrderDialogProps } from './use-order-action';

interface MemoForm {
  memo: string;
  flag: MemoFlag | 'none';
}

/** 卖家备注 with a flag colour; only the shop sees it. */
export function MemoModal({ order, open, onClose }: OrderDialogProps<OrderView>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<MemoForm>();
  const { submit, submitting, error } = useOrderAction(order.id, open);

  async function onFinish(values: MemoForm) {
    const answer = await submit('memo', { memo: (values.memo ?? '').trim(), flag: values.flag === 'none' ? null : values.flag });
    if (!answer) return;
    void message.success(t('orders.memo.done'));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('orders.memo.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('orders.save')}
      okButtonProps={{ loading: submitting, htmlType: 'submit', 'data-testid': 'memo-form-submit' }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          clearOnDestroy
          initialValues={{ memo: order.memo ?? '', flag: order.memoFlag ?? 'none' }}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="flag" label={t('orders.memo.flag')}>
        <Radio.Group className="memo-flags" data-testid="memo-form-flag">
          <Radio.Button value="none">{t('orders.memo.noFlag')}</Radio.Button>
          {(Object.keys(MEMO_FLAGS) as MemoFlag[]).map((flag) => (
            <Radio.Button key={flag} value={flag} title={t(`orders.memo.flags.${flag}`)}>
              <span data-testid={`memo-flag-${flag}`}>
                <FlagFilled style={{ color: MEMO_FLAGS[flag] }} aria-label={t(`orders.memo.flags.${flag}`)} />
              </span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="memo" label={t('orders.memo.text')} extra={t('orders.memo.internal')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount data-testid="memo-form-text" autoFocus />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
    </Modal>
  );
}
