import { formatFen, type CatalogueProductDetail } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, InputNumber, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { addSku, removeSku, updateSku } from './catalogue.api';
import { formatProps, parseProps, toFen, toYuan } from './product-options';

type Sku = CatalogueProductDetail['skus'][number];

/** 规格 SKU: price and stock edited in place (saved when the field is left), SKUs added and removed. */
export function SkuEditor({
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
  const [draft, setDraft] = useState({ props: '', price: toYuan(product.priceFen), stock: 0 });

  async function run(work: () => Promise<CatalogueProductDetail>) {
    try {
      onChanged(await work());
      void message.success(t('catalogue.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  function saveField(sku: Sku, field: 'priceFen' | 'stock' | 'props', value: unknown) {
    if (field === 'props') {
      const props = parseProps(String(value));
      if (!props) return void message.error(t('catalogue.propsInvalid'));
      if (formatProps(props) === formatProps(sku.props)) return;
      return void run(() => updateSku(product.id, sku.id, { props }));
    }
    if (typeof value !== 'number' || value === sku[field]) return;
    void run(() => updateSku(product.id, sku.id, { [field]: value }));
  }

  function add() {
    const props = parseProps(draft.props);
    if (!props) return void message.error(t('catalogue.propsInvalid'));
    void run(async () => {
      const updated = await addSku(product.id, { props, priceFen: toFen(draft.price), stock: draft.stock });
      setDraft({ ...draft, props: '' });
      return updated;
    });
  }

  const columns: TableColumnsType<Sku> = [
    {
      key: 'props',
      title: t('catalogue.props'),
      render: (_v, sku) =>
        editable ? (
          <Input
            defaultValue={formatProps(sku.props)}
            key={formatProps(sku.props)}
            data-testid="sku-props"
            onBlur={(e) => saveField(sku, 'props', e.target.value)}
            onPressEnter={(e) => saveField(sku, 'props', (e.target as HTMLInputElement).value)}
          />
        ) : (
          formatProps(sku.props)
        ),
    },
    {
      key: 'price',
      title: t('catalogue.skuPrice'),
      width: 130,
      render: (_v, sku) =>
        editable ? (
          <InputNumber
            min={0}
            precision={2}
            defaultValue={toYuan(sku.priceFen)}
            key={sku.priceFen}
            data-testid="sku-price"
            style={{ width: '100%' }}
            onBlur={(e) => saveField(sku, 'priceFen', toFen(Number(e.target.value)))}
            onPressEnter={(e) => saveField(sku, 'priceFen', toFen(Number((e.target as HTMLInputElement).value)))}
          />
        ) : (
          formatFen(sku.priceFen)
        ),
    },
    {
      key: 'stock',
      title: t('catalogue.skuStock'),
      width: 110,
      render: (_v, sku) =>
        editable ? (
          <InputNumber
            min={0}
            precision={0}
            defaultValue={sku.stock}
            key={sku.stock}
            data-testid="sku-stock"
            style={{ width: '100%' }}
            onBlur={(e) => saveField(sku, 'stock', Number(e.target.value))}
            onPressEnter={(e) => saveField(sku, 'stock', Number((e.target as HTMLInputElement).value))}
          />
        ) : (
          sku.stock
        ),
    },
  ];
  if (editable) {
    columns.push({
      key: 'remove',
      width: 48,
      render: (_v, sku) => (
        <Popconfirm title={t('catalogue.remove')} onConfirm={() => void run(() => removeSku(product.id, sku.id))}>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('catalogue.remove')} />
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      <Table<Sku>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={product.skus}
        pagination={false}
        data-testid="sku-table"
        onRow={(sku) => ({ 'data-sku-id': sku.id }) as HTMLAttributes<HTMLElement>}
      />
      {editable && (
        <Space.Compact style={{ marginTop: 12, width: '100%' }}>
          <Input
            placeholder={t('catalogue.propsHint')}
            value={draft.props}
            onChange={(e) => setDraft({ ...draft, props: e.target.value })}
            data-testid="sku-new-props"
          />
          <InputNumber
            min={0}
            precision={2}
            value={draft.price}
            onChange={(v) => setDraft({ ...draft, price: v ?? 0 })}
            prefix="¥"
            style={{ width: 160 }}
          />
          <InputNumber
            min={0}
            precision={0}
            value={draft.stock}
            onChange={(v) => setDraft({ ...draft, stock: v ?? 0 })}
            placeholder={t('catalogue.skuStock')}
            style={{ width: 110 }}
          />
          <Button icon={<PlusOutlined />} onClick={add} data-testid="sku-add">
            {t('catalogue.addSku')}
          </Button>
        </Space.Compact>
      )}
    </>
  );
}
