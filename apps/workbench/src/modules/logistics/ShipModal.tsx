import {
  CARRIERS,
  findCarrier,
  normaliseTrackingNo,
  trackingNoLooksValid,
  type CarrierCode,
  type OrderView,
} from '@golddesk/contracts';
import { Alert, App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrderAction } from '../orders';

interface ShipModalProps {
  order: OrderView;
  open: boolean;
  onClose: () => void;
  /** 'ship' for a paid order (发货), 'update' to correct a shipped order's number. */
  mode: 'ship' | 'update';
  /** Carriers the shop uses (all when unknown). */
  enabledCarriers: readonly string[] | null;
  /** What the courier rules suggest for this address. */
  suggested: CarrierCode | null;
}

interface ShipForm {
  carrier: CarrierCode;
  trackingNo: string;
}

/** 发货 / 改运单号: carrier (the rules' suggestion preselected) and a number checked against the carrier's format. */
export function ShipModal({ order, open, onClose, mode, enabledCarriers, suggested }: ShipModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ShipForm>();
  const { submit, submitting, error } = useOrderAction(order.id, open);
  const carrier = Form.useWatch('carrier', form);
  const chosen = CARRIERS.find((c) => c.code === carrier);
  const options = CARRIERS.filter((c) => !enabledCarriers || enabledCarriers.includes(c.code)).map((c) => ({
    value: c.code,
    label: c.name,
  }));
  const initialCarrier = mode === 'update' ? (findCarrier(order.carrier)?.code ?? suggested) : suggested;

  async function onFinish(values: ShipForm) {
    const answer = await submit(mode === 'ship' ? 'ship' : 'tracking-number', {
      carrier: values.carrier,
      trackingNo: normaliseTrackingNo(values.trackingNo),
    });
    if (!answer) return;
    void message.success(t(mode === 'ship' ? 'logistics.ship.done' : 'logistics.ship.updated'));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={`${t(mode === 'ship' ? 'logistics.ship.title' : 'logistics.ship.updateTitle')} · ${order.orderNo}`}
      onCancel={onClose}
      destroyOnHidden
      okText={t(mode === 'ship' ? 'logistics.ship.submit' : 'logistics.ship.save')}
      okButtonProps={{ loading: submitting, htmlType: 'submit', 'data-testid': 'ship-form-submit' }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          clearOnDestroy
          initialValues={{ carrier: initialCarrier ?? undefined, trackingNo: '' }}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item
        name="carrier"
        label={t('logistics.ship.carrier')}
        rules={[{ required: true, message: t('form.required', { field: t('logistics.ship.carrier') }) }]}
        extra={
          suggested ? t('logistics.ship.suggested', { carrier: CARRIERS.find((c) => c.code === suggested)?.name }) : undefined
        }
      >
        <Select options={options} data-testid="ship-form-carrier" />
      </Form.Item>
      <Form.Item
        name="trackingNo"
        label={t('logistics.ship.trackingNo')}
        dependencies={['carrier']}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { field: t('logistics.ship.trackingNo') }) },
          {
            validator: async (_rule, value: string) => {
              if (!value || !chosen || trackingNoLooksValid(chosen, value)) return;
              throw new Error(t('logistics.ship.badNumber', { carrier: chosen.name, example: chosen.example }));
            },
          },
        ]}
      >
        <Input
          maxLength={40}
          placeholder={chosen ? t('logistics.ship.trackingHint', { example: chosen.example }) : undefined}
          data-testid="ship-form-tracking"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" className="ship-buyer-sees">
        {t('logistics.ship.buyerSees')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
    </Modal>
  );
}
