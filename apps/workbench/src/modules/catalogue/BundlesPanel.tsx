import { formatFen, type BundleRequest, type BundleView } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { deleteBundle, listBundles, saveBundle } from './catalogue.api';
import { toFen, toYuan, useProductOptions } from './product-options';

interface BundleForm {
  title: string;
  price: number;
  items: Array<{ productId: string; quantity: number }>;
}

/** 搭配套餐: products sold together below their sum (the server refuses a bundle that is not cheaper). */
export function BundlesPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const products = useProductOptions();
  const [bundles, setBundles] = useState<BundleView[]>([]);
  const [editing, setEditing] = useState<BundleView | 'new' | null>(null);
  const [form] = Form.useForm<BundleForm>();
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    listBundles()
      .then(setBundles)
      .catch((e: unknown) => void message.error(errorMessage(e)));
  }, [message]);
  useEffect(load, [load]);

  function open(bundle: BundleView | 'new') {
    setEditing(bundle);
    form.setFieldsValue(
      bundle === 'new'
        ? {
            title: '',
            price: 0,
            items: [
              { productId: '', quantity: 1 },
              { productId: '', quantity: 1 },
            ],
          }
        : {
            title: bundle.title,
            price: toYuan(bundle.priceFen),
            items: bundle.items.map((i) => ({ productId: i.product.id, quantity: i.quantity })),
          },
    );
  }

  async function save(values: BundleForm) {
    if (!editing) return;
    setSaving(true);
    const body: BundleRequest = {
      title: values.title,
      priceFen: toFen(values.price),
      items: values.items.filter((i) => i?.productId),
    };
    try {
      await saveBundle(editing === 'new' ? null : editing.id, body);
      setEditing(null);
      load();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const priceOf = (id: string) => products.find((p) => p.id === id)?.priceFen ?? 0;
  const columns: TableColumnsType<BundleView> = [
    { key: 'title', title: t('catalogue.bundleTitle'), dataIndex: 'title' },
    {
      key: 'items',
      title: t('catalogue.bundleItems'),
      render: (_v, b) =>
        b.items.map((i) => (
          <Tag key={i.product.id}>
            {i.product.title} ×{i.quantity}
          </Tag>
        )),
    },
    {
      key: 'price',
      title: t('catalogue.bundlePrice'),
      width: 110,
      render: (_v, b) => (
        <Typography.Text strong type="danger">
          {formatFen(b.priceFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'total',
      title: t('catalogue.itemsTotal'),
      width: 150,
      render: (_v, b) => (
        <>
          {formatFen(b.itemsTotalFen)}{' '}
          {b.itemsTotalFen > b.priceFen ? (
            <Tag color="green">{t('catalogue.saving', { amount: formatFen(b.itemsTotalFen - b.priceFen) })}</Tag>
          ) : (
            // An item got cheaper after the bundle was saved: the seller has to fix the bundle price.
            <Tag color="red" data-testid="bundle-not-cheaper">
              {t('catalogue.notCheaper')}
            </Tag>
          )}
        </>
      ),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      width: 120,
      render: (_v, b) => (
        <Space>
          <Button size="small" onClick={() => open(b)}>
            {t('catalogue.edit')}
          </Button>
          <Popconfirm
            title={t('catalogue.deleteConfirm')}
            onConfirm={() =>
              void deleteBundle(b.id)
                .then(load)
                .catch((e: unknown) => void message.error(errorMessage(e)))
            }
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('catalogue.deleteBundle')} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="bundle-new">
          {t('catalogue.newBundle')}
        </Button>
      )}
      <Table<BundleView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={bundles}
        pagination={false}
        locale={{ emptyText: t('catalogue.noBundles') }}
        data-testid="bundle-table"
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('catalogue.newBundle') : t('catalogue.editBundle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="bundle-form">
          <Form.Item
            name="title"
            label={t('catalogue.bundleTitle')}
            rules={[{ required: true, message: t('catalogue.required') }, { max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map(({ key, name }) => (
                  <Space key={key} style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item name={[name, 'productId']} noStyle>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 380 }}
                        options={products.map((p) => ({ value: p.id, label: `${p.title} ${formatFen(p.priceFen)}` }))}
                      />
                    </Form.Item>
                    <Form.Item name={[name, 'quantity']} noStyle>
                      <InputNumber min={1} max={99} style={{ width: 80 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label={t('catalogue.remove')}
                    />
                  </Space>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ productId: '', quantity: 1 })}>
                    {t('catalogue.addItem')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Form.Item shouldUpdate noStyle>
            {() => {
              const items = (form.getFieldValue('items') ?? []) as BundleForm['items'];
              const sum = items.reduce((n, i) => n + (i?.productId ? priceOf(i.productId) * (i.quantity ?? 1) : 0), 0);
              return (
                <div className="catalogue-section-hint" style={{ marginTop: 12 }}>
                  {t('catalogue.itemsTotal')} {formatFen(sum)}
                </div>
              );
            }}
          </Form.Item>
          <Form.Item
            name="price"
            label={t('catalogue.bundlePrice')}
            rules={[{ required: true, message: t('catalogue.required') }]}
          >
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
