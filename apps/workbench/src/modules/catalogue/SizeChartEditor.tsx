import type { CatalogueProductDetail, SizeAdviceResponse } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { sizeAdvice, updateProduct } from './catalogue.api';

interface Row {
  size: string;
  hMin?: number | null;
  hMax?: number | null;
  wMin?: number | null;
  wMax?: number | null;
}
type Chart = NonNullable<CatalogueProductDetail['sizeChart']>;

const toRows = (chart: Chart | null): Row[] =>
  (chart ?? []).map((r) => ({
    size: r.size,
    hMin: r.heightCm?.[0],
    hMax: r.heightCm?.[1],
    wMin: r.weightKg?.[0],
    wMax: r.weightKg?.[1],
  }));
const pair = (a?: number | null, b?: number | null): [number, number] | undefined =>
  a != null && b != null ? [a, b] : undefined;
const toChart = (rows: Row[]): Chart =>
  rows
    .filter((r) => r.size?.trim())
    .map((r) => ({
      size: r.size.trim(),
      ...(pair(r.hMin, r.hMax) ? { heightCm: pair(r.hMin, r.hMax) } : {}),
      ...(pair(r.wMin, r.wMax) ? { weightKg: pair(r.wMin, r.wMax) } : {}),
    }));

/** 尺码表 (height/weight range per size, small to large) and the 尺码助手 that reads it. */
export function SizeChartEditor({
  product,
  editable,
  onChanged,
}: {
  product: CatalogueProductDetail;
  editable: boolean;
  onChanged: (p: CatalogueProductDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const [saving, setSaving] = useState(false);
  const [body, setBody] = useState<{ height: number | null; weight: number | null }>({ height: 160, weight: 50 });
  const [advice, setAdvice] = useState<SizeAdviceResponse | null>(null);

  async function save({ rows }: { rows: Row[] }) {
    setSaving(true);
    try {
      onChanged(await updateProduct(product.id, { sizeChart: toChart(rows ?? []) }));
      void message.success(t('catalogue.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  async function advise() {
    if (body.height == null || body.weight == null) return;
    try {
      setAdvice(await sizeAdvice(product.id, body.height, body.weight));
    } catch (error) {
      setAdvice({ size: null, fit: 'none', message: errorMessage(error) });
    }
  }

  const num = (name: number, field: keyof Row, placeholder: string) => (
    <Form.Item name={[name, field]} noStyle>
      <InputNumber min={0} max={300} placeholder={placeholder} style={{ width: 72 }} disabled={!editable} />
    </Form.Item>
  );

  return (
    <>
      <Form
        form={form}
        initialValues={{ rows: toRows(product.sizeChart) }}
        onFinish={(v) => void save(v)}
        data-testid="size-chart-form"
      >
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="center" style={{ marginBottom: 8 }} data-testid="size-chart-row">
                  <Form.Item name={[name, 'size']} noStyle rules={[{ required: true, message: t('catalogue.required') }]}>
                    <Input placeholder={t('catalogue.size')} style={{ width: 64 }} maxLength={16} disabled={!editable} />
                  </Form.Item>
                  <span className="muted">{t('catalogue.height')}</span>
                  {num(name, 'hMin', 'min')}–{num(name, 'hMax', 'max')}
                  <span className="muted">{t('catalogue.weight')}</span>
                  {num(name, 'wMin', 'min')}–{num(name, 'wMax', 'max')}
                  {editable && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label={t('catalogue.remove')}
                    />
                  )}
                </Space>
              ))}
              {editable && (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ size: '' })}>
                    {t('catalogue.addRow')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="size-chart-save">
                    {t('catalogue.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
      <div className="size-helper" data-testid="size-helper">
        <Typography.Text strong>{t('catalogue.sizeHelper')}</Typography.Text>
        <div className="catalogue-section-hint">
          {product.sizeChart?.length ? t('catalogue.sizeHelperHint') : t('catalogue.saveChartFirst')}
        </div>
        <Space wrap>
          <InputNumber
            suffix="cm"
            min={50}
            max={250}
            value={body.height}
            onChange={(v) => setBody({ ...body, height: v })}
            data-testid="size-helper-height"
            style={{ width: 130 }}
          />
          <InputNumber
            suffix="kg"
            min={10}
            max={300}
            value={body.weight}
            onChange={(v) => setBody({ ...body, weight: v })}
            data-testid="size-helper-weight"
            style={{ width: 130 }}
          />
          <Button onClick={() => void advise()} disabled={!product.sizeChart?.length} data-testid="size-helper-advise">
            {t('catalogue.advise')}
          </Button>
        </Space>
        {advice && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={advice.size ? 'success' : 'warning'}
            title={advice.message}
            data-testid="size-helper-answer"
            data-size={advice.size ?? ''}
          />
        )}
      </div>
    </>
  );
}
