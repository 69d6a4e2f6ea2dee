import type { SegmentFilter } from '@golddesk/contracts';
import { MAX_VIP_LEVEL } from '@golddesk/contracts';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../orders';
import { typeOptions } from './crm-format';
import { useShopTags } from './tag.store';

interface FormValues {
  tagIds?: string[];
  vipMin?: number;
  customerType?: SegmentFilter['customerType'];
  orderCountMin?: number;
  orderCountMax?: number;
  spentMinYuan?: number;
  silentDays?: number;
  blocked?: 'yes' | 'no';
  province?: string;
  q?: string;
}

function toForm(filter: SegmentFilter): FormValues {
  return {
    ...filter,
    spentMinYuan: filter.spentMinFen === undefined ? undefined : filter.spentMinFen / 100,
    blocked: filter.blocked === undefined ? undefined : filter.blocked ? 'yes' : 'no',
  };
}

function toFilter(values: FormValues): SegmentFilter {
  const filter: SegmentFilter = {
    tagIds: values.tagIds?.length ? values.tagIds : undefined,
    vipMin: values.vipMin ?? undefined,
    customerType: values.customerType ?? undefined,
    orderCountMin: values.orderCountMin ?? undefined,
    orderCountMax: values.orderCountMax ?? undefined,
    spentMinFen: values.spentMinYuan == null ? undefined : Math.round(values.spentMinYuan * 100),
    silentDays: values.silentDays ?? undefined,
    blocked: values.blocked === undefined ? undefined : values.blocked === 'yes',
    province: values.province || undefined,
    q: values.q?.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as SegmentFilter;
}

interface CustomerFilterFormProps {
  /** The filter shown (a segment's, or what the agent built). */
  filter: SegmentFilter;
  onSearch: (filter: SegmentFilter) => void;
  /** Shown to managers: save the current filter as a segment. */
  actions?: (current: () => SegmentFilter) => React.ReactNode;
}

/** Builds a customer filter: tags, VIP, type, paid orders, spend, silence, blacklist, province, nick. */
export function CustomerFilterForm({ filter, onSearch, actions }: CustomerFilterFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const tags = useShopTags();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(filter));
  }, [filter, form]);
  const current = () => toFilter(form.getFieldsValue());
  const number = (name: keyof FormValues, label: string, props: { min?: number; max?: number; precision?: number } = {}) => (
    <Col xs={12} md={8} xl={6}>
      <Form.Item name={name} label={label}>
        <InputNumber style={{ width: '100%' }} min={0} precision={0} {...props} data-testid={`filter-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      className="crm-filter"
      onFinish={() => onSearch(current())}
      data-testid="customer-filter"
    >
      <Row gutter={12}>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="tagIds" label={t('crm.tagsAny')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('crm.any')}
              data-testid="filter-tags"
              options={tags.map((tag) => ({ value: tag.id, label: <Tag color={tag.color}>{tag.name}</Tag> }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="customerType" label={t('crm.type')}>
            <Select allowClear placeholder={t('crm.any')} options={typeOptions()} data-testid="filter-type" />
          </Form.Item>
        </Col>
        {number('vipMin', t('crm.vipMin'), { max: MAX_VIP_LEVEL })}
        {number('orderCountMin', t('crm.orderCountMin'))}
        {number('orderCountMax', t('crm.orderCountMax'))}
        {number('spentMinYuan', t('crm.spentMin'), { precision: 2 })}
        {number('silentDays', t('crm.silentDays'), { min: 1, max: 3650 })}
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="province" label={t('crm.province')}>
            <Select allowClear showSearch placeholder={t('crm.any')} options={PROVINCES.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="blocked" label={t('crm.blacklist')}>
            <Select
              allowClear
              placeholder={t('crm.any')}
              options={[
                { value: 'yes', label: t('crm.yes') },
                { value: 'no', label: t('crm.no') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="q" label={t('crm.nick')}>
            <Input allowClear maxLength={50} data-testid="filter-q" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16} xl={12}>
          <Form.Item label=" ">
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="filter-search">
                {t('crm.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onSearch({});
                }}
              >
                {t('crm.reset')}
              </Button>
              {actions?.(current)}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
