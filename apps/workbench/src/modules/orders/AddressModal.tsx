import type { OrderView } from '@golddesk/contracts';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROVINCES, splitAddress } from './order-format';
import { useOrderAction, type OrderDialogProps } from './use-order-action';
import './orders.locales';

interface AddressForm {
  name: string;
  phone: string;
  province: string | undefined;
  address: string;
}

const PROVINCE_OPTIONS = PROVINCES.map((province) => ({ value: province, label: province }));

/** 修改收货信息 (before shipping): prefilled with the current receiver; the buyer is told the new address. */
export function AddressModal({ order, open, onClose }: OrderDialogProps<OrderView>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AddressForm>();
  const { submit, submitting, error } = useOrderAction(order.id, open);
  const { province, rest } = splitAddress(order.receiver.address);

  async function onFinish(values: AddressForm) {
    const answer = await submit('change-receiver', {
      name: values.name.trim(),
      phone: values.phone.trim(),
      province: values.province,
      address: values.address.trim(),
    });
    if (!answer) return;
    void message.success(t('orders.address.done'));
    onClose();
  }

  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  return (
    <Modal
      open={open}
      title={t('orders.address.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('orders.save')}
      okButtonProps={{ loading: submitting, htmlType: 'submit', 'data-testid': 'address-form-submit' }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          clearOnDestroy
          initialValues={{ name: order.receiver.name, phone: order.receiver.phone, province, address: rest }}
        >
          {dom}
        </Form>
      )}
    >
      <div className="form-row">
        <Form.Item name="name" label={t('orders.address.name')} rules={[required(t('orders.address.name')), { max: 32 }]}>
          <Input maxLength={32} data-testid="address-form-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('orders.address.phone')}
          // 售前 sees the number masked; sent back as it is, the server keeps the real one.
          extra={order.receiver.phone.includes('*') ? t('orders.address.phoneMaskedHint') : undefined}
          rules={[
            required(t('orders.address.phone')),
            { pattern: /^[0-9+\- *]{5,20}$/, message: t('orders.address.phoneFormat') },
          ]}
        >
          <Input maxLength={20} inputMode="tel" data-testid="address-form-phone" />
        </Form.Item>
      </div>
      <Form.Item
        name="province"
        label={t('orders.address.province')}
        rules={[{ required: true, message: t('form.required', { field: t('orders.address.province') }) }]}
      >
        <Select
          showSearch
          options={PROVINCE_OPTIONS}
          placeholder={t('orders.address.provincePlaceholder')}
          data-testid="address-form-province"
          popupMatchSelectWidth
        />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('orders.address.address')}
        rules={[required(t('orders.address.address')), { min: 4, max: 200, message: t('orders.address.addressLength') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={200}
          placeholder={t('orders.address.addressHint')}
          data-testid="address-form-address"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
    </Modal>
  );
}
