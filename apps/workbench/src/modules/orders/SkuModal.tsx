import type { OrderView, ProductView } from '@golddesk/contracts';
import { Alert, App as AntApp, Empty, Modal, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { loadProductsOf } from './order.api';
import { useOrderAction, type OrderDialogProps } from './use-order-action';

type Props = Record<string, string>;

/** The property names of a product's SKUs (颜色, 尺码…) in the order they first appear. */
function dimensionsOf(product: ProductView): string[] {
  const names: string[] = [];
  for (const sku of product.skus) for (const name of Object.keys(sku.props)) if (!names.includes(name)) names.push(name);
  return names;
}

function skuFor(product: ProductView, chosen: Props) {
  return product.skus.find((sku) => Object.entries(sku.props).every(([name, value]) => chosen[name] === value));
}

/** 改规格 (before shipping): for each line, another SKU of the same product, chosen by its properties. */
export function SkuModal({ order, open, onClose }: OrderDialogProps<OrderView>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { submit, submitting, error, requestId } = useOrderAction(order.id, open);
  const [products, setProducts] = useState<ProductView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Props[]>([]);

  useEffect(() => {
    if (!open) return;
    setChosen(order.items.map((item) => ({ ...item.skuProps })));
    loadProductsOf(order.items.map((item) => item.productId))
      .then(setProducts)
      .catch((caught: unknown) => setLoadError(errorMessage(caught)));
  }, [open, order.items]);

  const lines = order.items.map((item, index) => {
    const product = products?.find((p) => p.id === item.productId);
    const sku = product ? skuFor(product, chosen[index] ?? {}) : undefined;
    return { item, index, product, sku, changed: !!sku && sku.id !== item.skuId };
  });
  const incomplete = lines.some((line) => line.product && !line.sku);

  async function onOk() {
    let done = 0;
    // One request per changed line, each with its own id derived from this opening's id.
    for (const line of lines) {
      if (!line.changed || !line.sku) continue;
      const answer = await submit('change-sku', { itemIndex: line.index, skuId: line.sku.id }, `${requestId}:${line.index}`);
      if (!answer) return;
      done += 1;
    }
    if (done > 0) void message.success(t('orders.sku.done'));
    onClose();
  }

  function choose(index: number, name: string, value: string) {
    setChosen((previous) => previous.map((props, i) => (i === index ? { ...props, [name]: value } : props)));
  }

  return (
    <Modal
      open={open}
      title={t('orders.sku.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      destroyOnHidden
      okText={t('orders.save')}
      okButtonProps={{
        loading: submitting,
        disabled: incomplete || !lines.some((l) => l.changed),
        'data-testid': 'sku-form-submit',
      }}
    >
      {loadError ? (
        <Alert type="error" showIcon title={loadError} />
      ) : !products ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        lines.map(({ item, index, product, sku }) => (
          <div className="sku-line" key={`${item.productId}-${index}`} data-testid="sku-line" data-item-index={index}>
            <div className="sku-line-title">
              <Typography.Text strong ellipsis={{ tooltip: item.title }}>
                {item.title}
              </Typography.Text>
              <span className="muted">{t('customer.quantity', { n: item.quantity })}</span>
            </div>
            {!product || product.skus.length < 2 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.sku.noOther')} />
            ) : (
              <div className="sku-dimensions">
                {dimensionsOf(product).map((name) => (
                  <label key={name} className="sku-dimension">
                    <span className="muted">{name}</span>
                    <Select
                      size="small"
                      value={chosen[index]?.[name]}
                      onChange={(value: string) => choose(index, name, value)}
                      data-testid={`sku-select-${index}-${name}`}
                      popupMatchSelectWidth={false}
                      options={[...new Set(product.skus.map((s) => s.props[name]).filter((v): v is string => !!v))].map(
                        (value) => ({
                          value,
                          label: value,
                        }),
                      )}
                    />
                  </label>
                ))}
                <span className={sku ? 'muted' : 'sku-missing'}>
                  {sku ? t('orders.sku.stock', { n: sku.stock }) : t('orders.sku.noMatch')}
                </span>
              </div>
            )}
          </div>
        ))
      )}
      {error && <Alert type="error" showIcon title={error} className="form-error" data-testid="order-action-error" />}
    </Modal>
  );
}
