import { formatFen, type CatalogueProductDetail } from '@golddesk/contracts';
import { App as AntApp, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { setRelated } from './catalogue.api';
import { useProductOptions } from './product-options';

/** 关联商品: the products this one links to (in order), those linking to it, and the bundles holding it. */
export function RelatedEditor({
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
  const options = useProductOptions();
  const outgoing = product.related.filter((r) => r.direction === 'outgoing');
  const incoming = product.related.filter((r) => r.direction === 'incoming');
  const [picked, setPicked] = useState<string[]>(outgoing.map((r) => r.id));
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      onChanged(await setRelated(product.id, picked));
      void message.success(t('catalogue.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const known = new Map([...options.map((p) => [p.id, p.title] as const), ...outgoing.map((r) => [r.id, r.title] as const)]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="catalogue-section-hint">{t('catalogue.relatedPick')}</div>
      <Select
        mode="multiple"
        value={picked}
        onChange={setPicked}
        disabled={!editable}
        style={{ width: '100%' }}
        optionFilterProp="label"
        options={[...known].filter(([id]) => id !== product.id).map(([value, label]) => ({ value, label }))}
        data-testid="related-select"
      />
      {editable && (
        <Button type="primary" onClick={() => void save()} loading={saving} data-testid="related-save">
          {t('catalogue.save')}
        </Button>
      )}
      {incoming.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('catalogue.relatedIncoming')}：</Typography.Text>
          {incoming.map((r) => (
            <Tag key={r.id}>{r.title}</Tag>
          ))}
        </div>
      )}
      {product.bundles.length > 0 && (
        <div data-testid="product-bundles">
          <Typography.Text strong>{t('catalogue.bundlesOf')}</Typography.Text>
          {product.bundles.map((b) => (
            <div key={b.id} className="muted">
              {b.title} · {formatFen(b.priceFen)}（{t('catalogue.itemsTotal')} {formatFen(b.itemsTotalFen)}）
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
