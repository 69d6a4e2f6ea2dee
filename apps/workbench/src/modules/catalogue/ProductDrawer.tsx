import type { CatalogueProductDetail } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Skeleton,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { createProduct, getProduct, setArchived, updateProduct } from './catalogue.api';
import { RelatedEditor } from './RelatedEditor';
import { SizeChartEditor } from './SizeChartEditor';
import { SkuEditor } from './SkuEditor';
import { toFen, toYuan } from './product-options';

interface Basics {
  title: string;
  category: string;
  price: number;
  imageUrl?: string | null;
  description?: string;
  listingNotes?: string | null;
  weightG?: number | null;
  attributes?: Array<{ name: string; value: string }>;
}

/** The edit drawer: basics and attributes, SKUs, size chart with 尺码助手, related products. Read-only for non-editors. */
export function ProductDrawer({
  productId,
  editable,
  categories,
  onClose,
  onChanged,
}: {
  /** 'new' opens an empty form. */
  productId: string;
  editable: boolean;
  categories: string[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [product, setProduct] = useState<CatalogueProductDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Basics>();
  const isNew = productId === 'new' && !product;

  useEffect(() => {
    if (productId === 'new') return;
    const controller = new AbortController();
    getProduct(productId, controller.signal)
      .then(setProduct)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [productId]);

  useEffect(() => {
    if (!product) return;
    form.setFieldsValue({
      title: product.title,
      category: product.category,
      price: toYuan(product.priceFen),
      imageUrl: product.imageUrl,
      description: product.description,
      listingNotes: product.listingNotes,
      attributes: product.attributes,
      weightG: product.weightG,
    });
  }, [product, form]);

  const changed = (next: CatalogueProductDetail) => {
    setProduct(next);
    onChanged();
  };

  async function save(values: Basics) {
    setSaving(true);
    const body = {
      title: values.title,
      category: values.category,
      priceFen: toFen(values.price),
      imageUrl: values.imageUrl?.trim() || null,
      description: values.description ?? '',
      listingNotes: values.listingNotes?.trim() || null,
      weightG: values.weightG ?? null,
      attributes: (values.attributes ?? []).filter((a) => a?.name?.trim() && a?.value?.trim()),
    };
    try {
      changed(product ? await updateProduct(product.id, body) : await createProduct({ ...body, skus: [] }));
      void message.success(t('catalogue.saved'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  async function toggleArchived() {
    if (!product) return;
    try {
      changed(await setArchived(product.id, !product.archivedAt));
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  const basics = (
    <Form
      form={form}
      layout="vertical"
      disabled={!editable}
      onFinish={(v) => void save(v)}
      data-testid="product-form"
      initialValues={{ attributes: [] }}
    >
      <Form.Item
        name="title"
        label={t('catalogue.titleLabel')}
        rules={[{ required: true, message: t('catalogue.required') }, { max: 120 }]}
      >
        <Input data-testid="product-form-title" />
      </Form.Item>
      <Space size="middle" align="start" wrap>
        <Form.Item
          name="category"
          label={t('catalogue.category')}
          rules={[{ required: true, message: t('catalogue.required') }, { max: 40 }]}
        >
          <AutoComplete
            options={categories.map((c) => ({ value: c }))}
            style={{ width: 180 }}
            data-testid="product-form-category"
          />
        </Form.Item>
        <Form.Item
          name="price"
          label={t('catalogue.priceLabel')}
          extra={t('catalogue.priceHint')}
          rules={[{ required: true, message: t('catalogue.required') }]}
        >
          <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: 180 }} data-testid="product-form-price" />
        </Form.Item>
        <Form.Item name="weightG" label={t('catalogue.shippingWeight')} extra={t('catalogue.shippingWeightHint')}>
          <InputNumber min={1} max={100_000} precision={0} suffix="g" style={{ width: 140 }} data-testid="product-form-weight" />
        </Form.Item>
      </Space>
      <Form.Item
        name="listingNotes"
        label={t('catalogue.listingNotes')}
        extra={t('catalogue.listingNotesHint')}
        rules={[{ max: 1000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="product-form-notes" />
      </Form.Item>
      <Form.Item name="description" label={t('catalogue.description')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="imageUrl" label={t('catalogue.imageUrl')} rules={[{ type: 'url' }, { max: 500 }]}>
        <Input placeholder="https://…" />
      </Form.Item>
      <div className="ant-form-item-label">
        <label>{t('catalogue.attributes')}</label>
      </div>
      <Form.List name="attributes">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} style={{ display: 'flex', marginBottom: 8 }} align="baseline" data-testid="attribute-row">
                <Form.Item name={[name, 'name']} noStyle rules={[{ max: 20 }]}>
                  <Input placeholder={t('catalogue.attrName')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[name, 'value']} noStyle rules={[{ max: 200 }]}>
                  <Input placeholder={t('catalogue.attrValue')} style={{ width: 300 }} />
                </Form.Item>
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
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', value: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('catalogue.addAttr')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {editable && (
        <Space style={{ display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="product-form-save">
            {t('catalogue.save')}
          </Button>
          {product && (
            <Popconfirm
              title={product.archivedAt ? t('catalogue.restore') : t('catalogue.archiveConfirm')}
              onConfirm={() => void toggleArchived()}
            >
              <Button danger={!product.archivedAt} data-testid="product-archive">
                {product.archivedAt ? t('catalogue.restore') : t('catalogue.archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Form>
  );

  const loading = !isNew && !product && !error;
  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      destroyOnHidden
      title={
        <>
          {isNew ? t('catalogue.drawerNew') : (product?.title ?? t('catalogue.drawerTitle'))}
          {product?.archivedAt && <Tag style={{ marginLeft: 8 }}>{t('catalogue.archived')}</Tag>}
        </>
      }
      data-testid="product-drawer"
    >
      {!editable && <Alert type="info" showIcon title={t('catalogue.readOnly')} style={{ marginBottom: 16 }} />}
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : loading ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={[
            { key: 'basics', label: t('catalogue.basics'), children: basics },
            ...(product
              ? [
                  {
                    key: 'skus',
                    label: `${t('catalogue.skus')} (${product.skus.length})`,
                    children: <SkuEditor product={product} editable={editable} onChanged={changed} />,
                  },
                  {
                    key: 'size',
                    label: t('catalogue.sizeChart'),
                    children: <SizeChartEditor product={product} editable={editable} onChanged={changed} />,
                  },
                  {
                    key: 'related',
                    label: `${t('catalogue.related')} (${product.related.length})`,
                    children: <RelatedEditor product={product} editable={editable} onChanged={changed} />,
                  },
                ]
              : []),
          ]}
          data-testid="product-tabs"
        />
      )}
    </Drawer>
  );
}
