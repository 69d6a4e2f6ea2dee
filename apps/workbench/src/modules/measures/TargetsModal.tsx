import type { MeasureTargets } from '@golddesk/contracts';
import { App as AntApp, Form, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { saveTargets } from './measures.api';

type TargetKey = keyof MeasureTargets;

/** The form's fields: seconds as seconds, shares as percentages (the API keeps 0–1), the ratio as it is. */
const FIELDS: { key: TargetKey; unit: 'seconds' | 'percent' | 'ratio'; max: number }[] = [
  { key: 'firstResponseSeconds', unit: 'seconds', max: 3600 },
  { key: 'averageResponseSeconds', unit: 'seconds', max: 3600 },
  { key: 'fastShare', unit: 'percent', max: 100 },
  { key: 'answerRatio', unit: 'ratio', max: 100 },
  { key: 'conversionFinal', unit: 'percent', max: 100 },
  { key: 'reminderSuccess', unit: 'percent', max: 100 },
  { key: 'satisfaction', unit: 'percent', max: 100 },
];

type FormValues = Record<TargetKey, number | null | undefined>;

const toForm = (targets: MeasureTargets): FormValues =>
  Object.fromEntries(
    FIELDS.map(({ key, unit }) => {
      const value = targets[key];
      return [key, value === null ? null : unit === 'percent' ? Number((value * 100).toFixed(1)) : value];
    }),
  ) as FormValues;

const fromForm = (values: FormValues): MeasureTargets =>
  Object.fromEntries(
    FIELDS.map(({ key, unit }) => {
      const value = values[key];
      return [key, value === null || value === undefined ? null : unit === 'percent' ? value / 100 : value];
    }),
  ) as MeasureTargets;

interface TargetsModalProps {
  open: boolean;
  targets: MeasureTargets | null;
  onClose: () => void;
  onSaved: (targets: MeasureTargets) => void;
}

/** 绩效目标 (measures.configure): the shop's bar for each figure; empty means no target (nothing drawn or marked). */
export function TargetsModal({ open, targets, onClose, onSaved }: TargetsModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open && targets) form.setFieldsValue(toForm(targets));
  }, [open, targets, form]);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const saved = await saveTargets(fromForm(values));
      void message.success(t('measures.targets.saved'));
      onSaved(saved);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('measures.targets.title')}
      okText={t('measures.targets.save')}
      cancelText={t('measures.targets.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'targets-save' } as ButtonProps}
      forceRender
      data-testid="targets-modal"
    >
      <Typography.Paragraph type="secondary">{t('measures.targets.hint')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} onFinish={submit}>
        {FIELDS.map(({ key, unit, max }) => (
          <Form.Item key={key} name={key} label={t(`measures.figure.${key}`)} tooltip={t(`measures.hint.${key}`)}>
            <InputNumber
              min={0}
              max={max}
              step={unit === 'ratio' ? 0.1 : 1}
              placeholder={t('measures.targets.none')}
              suffix={t(`measures.targets.unit.${unit}`)}
              style={{ width: 180 }}
              data-testid={`target-${key}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
