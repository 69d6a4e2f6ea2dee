import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listProducts } from '../../catalogue';

/** Refund freezes (the 双11 rule: closed on 11-11, open again on 11-12) and per-product exceptions (定制: not returnable). */
export function PolicyExceptions() {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('cases.policy.freezes')} className="policy-card" data-testid="policy-freezes">
        <Typography.Paragraph type="secondary" className="policy-hint">
          {t('cases.policy.freezesHint')}
        </Typography.Paragraph>
        <Form.List name="refundFreezes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" className="policy-list-row">
                  <Form.Item name={[field.name, 'range']} rules={[{ required: true, message: t('cases.policy.datesRequired') }]}>
                    <DatePicker.RangePicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']}>
                    <Input maxLength={40} placeholder={t('cases.policy.freezeLabel')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cases.policy.remove')}
                  />
                </Space>
              ))}
              {fields.length < 20 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '' })} data-testid="policy-add-freeze">
                  {t('cases.policy.addFreeze')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('cases.policy.productRules')} className="policy-card" data-testid="policy-products">
        <Typography.Paragraph type="secondary" className="policy-hint">
          {t('cases.policy.productRulesHint')}
        </Typography.Paragraph>
        <Form.List name="productRules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" className="policy-list-row">
                  <Form.Item
                    name={[field.name, 'productId']}
                    rules={[{ required: true, message: t('cases.policy.productRequired') }]}
                  >
                    <ProductSelect />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notReturnable']} valuePropName="checked">
                    <Checkbox>{t('cases.policy.notReturnable')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: t('cases.policy.labelRequired') }]}>
                    <Input maxLength={40} placeholder={t('cases.policy.ruleLabel')} style={{ width: 180 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cases.policy.remove')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ notReturnable: true, label: '' })}
                data-testid="policy-add-product"
              >
                {t('cases.policy.addProduct')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}

interface ProductSelectProps {
  value?: string;
  onChange?: (value: string) => void;
}

/** A product of the catalogue, found by title as the agent types. */
function ProductSelect({ value, onChange }: ProductSelectProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const seq = useRef(0);

  function search(q: string) {
    const mine = ++seq.current;
    listProducts({ q: q.trim() || undefined, page: 1, pageSize: 50 })
      .then(({ products }) => {
        if (mine === seq.current) setOptions(products.map((p) => ({ value: p.id, label: p.title })));
      })
      .catch(() => undefined);
  }
  useEffect(() => search(''), []);

  const known = !value || options.some((o) => o.value === value);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      placeholder={t('cases.policy.product')}
      style={{ width: 240 }}
      options={known ? options : [{ value, label: value }, ...options]}
    />
  );
}
