import type { CatalogueProductDetail } from '@golddesk/contracts';
import { SendOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { skuLabel, skuSize, stockSentence } from './size-stock';

interface SkuStockListProps {
  product: CatalogueProductDetail;
  /** The size the helper advised: its SKUs come first and are marked. */
  advisedSize: string | null;
  onSend: (sentence: string) => void;
}

const sameSize = (a: string | undefined, b: string | null) => !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase();

/** Stock per SKU of the product, each with 发送 ("M码 白色 现货 12 件"). */
export function SkuStockList({ product, advisedSize, onSend }: SkuStockListProps) {
  const { t } = useTranslation();
  const skus = [...product.skus].sort(
    (a, b) => Number(sameSize(skuSize(b.props), advisedSize)) - Number(sameSize(skuSize(a.props), advisedSize)),
  );
  return (
    <section className="size-stock-section" data-testid="size-stock-skus">
      <div className="size-stock-heading">
        <Typography.Text strong>{t('sizeStock.stock')}</Typography.Text>
        <span className="muted">{product.skus.length}</span>
      </div>
      {skus.length === 0 ? (
        <Typography.Text type="secondary">{t('sizeStock.noSkus')}</Typography.Text>
      ) : (
        <ul className="size-stock-skus">
          {skus.map((sku) => {
            const advised = sameSize(skuSize(sku.props), advisedSize);
            return (
              <li
                key={sku.id}
                className={advised ? 'size-stock-sku advised' : 'size-stock-sku'}
                data-testid="size-stock-sku"
                data-stock={sku.stock}
                data-advised={advised ? '1' : undefined}
              >
                <span className="size-stock-sku-name" title={skuLabel(sku.props)}>
                  {skuLabel(sku.props)}
                  {advised && (
                    <Tag color="green" bordered={false} className="size-stock-advised">
                      {t('sizeStock.advised')}
                    </Tag>
                  )}
                </span>
                <span className={sku.stock > 0 ? 'size-stock-count' : 'size-stock-count out'} data-testid="size-stock-count">
                  {sku.stock > 0 ? t('sizeStock.inStock', { count: sku.stock }) : t('sizeStock.outOfStock')}
                </span>
                <Tooltip title={t('sizeStock.sendHint')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<SendOutlined />}
                    aria-label={t('sizeStock.send')}
                    onClick={() => onSend(stockSentence(sku.props, sku.stock))}
                    data-testid="size-stock-sku-send"
                  />
                </Tooltip>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
