import { PROMOTION_KINDS, type PromotionInput, type PromotionKind, type PromotionView } from '@golddesk/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';

interface Fields {
  kind: PromotionKind;
  title: string;
  deposit?: number | null;
  amount?: number | null;
  threshold?: number | null;
  note?: string;
  link?: string;
  dates: [Dayjs, Dayjs];
}

const toFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
const toYuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** Adds or edits a campaign: the amounts its kind needs, a link, and the dates (RangePicker). */
export function PromotionModal({
  value,
  open,
  onClose,
  onSave,
}: {
  /** The campaign edited; null for a new one. */
  value: PromotionView | null;
  open: boolean;
  onClose: () => void;
  onSave: (input: PromotionInput, id?: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'other';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(
      value
        ? {
            kind: value.kind,
            title: value.title,
            deposit: toYuan(value.depositFen),
            amount: toYuan(value.amountFen),
            threshold: toYuan(value.thresholdFen),
            note: value.note,
            link: value.link ?? '',
            dates: [dayjs(value.startsAt), dayjs(value.endsAt)],
          }
        : {
            kind: 'full_reduction',
            title: '',
            note: '',
            link: '',
            dates: [dayjs().startOf('day'), dayjs().add(7, 'day').endOf('day')],
          },
    );
  }, [open, value, form]);

  async function submit() {
    const f = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await onSave(
        {
          kind: f.kind,
          title: f.title,
          note: f.note ?? '',
          link: f.link?.trim() ? f.link.trim() : null,
          depositFen: f.kind === 'presale' ? toFen(f.deposit) : null,
          amountFen: f.kind === 'free_shipping' || f.kind === 'other' ? null : toFen(f.amount),
          thresholdFen: f.kind === 'presale' || f.kind === 'other' ? null : toFen(f.threshold),
          startsAt: f.dates[0].toISOString(),
          endsAt: f.dates[1].toISOString(),
        },
        value?.id,
      );
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const money = (name: keyof Fields, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: 150 }} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={t(value ? 'promotions.form.titleEdit' : 'promotions.form.titleNew')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('promotions.form.save')}
      cancelText={t('promotions.form.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'promotion-save' } as Record<`data-${string}`, string>}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="promotion-error" />}
      <Form form={form} layout="vertical" requiredMark={false} data-testid="promotion-form">
        <Space size="middle" wrap>
          <Form.Item name="kind" label={t('promotions.form.kind')}>
            <Select
              style={{ width: 140 }}
              options={PROMOTION_KINDS.map((k) => ({ value: k, label: t(`promotions.kinds.${k}`) }))}
              data-testid="promotion-kind"
            />
          </Form.Item>
          <Form.Item name="title" label={t('promotions.form.title')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input maxLength={40} style={{ width: 300 }} data-testid="promotion-title" />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          {kind === 'presale' && money('deposit', t('promotions.form.deposit'), 'promotion-deposit')}
          {kind === 'presale' && money('amount', t('promotions.form.depositFor'), 'promotion-amount')}
          {(kind === 'full_reduction' || kind === 'coupon') &&
            money('threshold', t('promotions.form.threshold'), 'promotion-threshold')}
          {kind === 'full_reduction' && money('amount', t('promotions.form.reduce'), 'promotion-amount')}
          {kind === 'coupon' && money('amount', t('promotions.form.couponValue'), 'promotion-amount')}
          {kind === 'free_shipping' && money('threshold', t('promotions.form.shippingThreshold'), 'promotion-threshold')}
        </Space>
        <Form.Item name="dates" label={t('promotions.form.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="promotion-dates" />
        </Form.Item>
        <Form.Item name="note" label={t('promotions.form.note')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="link"
          label={t('promotions.form.link')}
          rules={[{ pattern: /^https?:\/\/\S+$/, message: 'http(s)://…' }]}
        >
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
