import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listProducts } from '../../catalogue';
import { PolicyCard, PolicyList } from './PolicyParts';

/** Refund freezes (the 双11 rule: closed on 11-11, open again on 11-12) and per-product exceptions (定制: not returnable). */
export function PolicyExceptions() {
  const { t } = useTranslation();
  return (
    <>
      <PolicyCard title={t('cases.policy.freezes')} hint={t('cases.policy.freezesHint')} testId="policy-freezes">
        <PolicyList
          name="refundFreezes"
          max={20}
          addLabel={t('cases.policy.addFreeze')}
          addValue={{ label: '' }}
          addTestId="policy-add-freeze"
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'range']} rules={[{ required: true, message: t('cases.policy.datesRequired') }]}>
                <DatePicker.RangePicker />
              </Form.Item>
              <Form.Item name={[field.name, 'label']}>
                <Input maxLength={40} placeholder={t('cases.policy.freezeLabel')} style={{ width: 200 }} />
              </Form.Item>
            </>
          )}
        </PolicyList>
      </PolicyCard>
      <PolicyCard title={t('cases.policy.productRules')} hint={t('cases.policy.productRulesHint')} testId="policy-products">
        <PolicyList
          name="productRules"
          max={500}
          addLabel={t('cases.policy.addProduct')}
          addValue={{ notReturnable: true, label: '' }}
          addTestId="policy-add-product"
        >
          {(field) => (
            <>
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
            </>
          )}
        </PolicyList>
      </PolicyCard>
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
