import { can, formatFen, type CatalogueProduct } from '@golddesk/contracts';
import { ImportOutlined, PlusOutlined, ShoppingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Select, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths, usePageTab } from '../../platform/navigation';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { BundlesPanel } from './BundlesPanel';
import { listProducts, type ProductFilter } from './catalogue.api';
import './catalogue.css';
import './catalogue.locales';
import { ProductDrawer } from './ProductDrawer';

const PAGE_SIZE = 20;

function priceText(product: CatalogueProduct): string {
  const prices = product.skus.length ? product.skus.map((s) => s.priceFen) : [product.priceFen];
  const [low, high] = [Math.min(...prices), Math.max(...prices)];
  return low === high ? formatFen(low) : `${formatFen(low)} - ${formatFen(high)}`;
}

/** 商品: the catalogue with search and category filter, the edit drawer, bundles, and a way to the import page. */
export function CataloguePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const editable = can(session, 'catalogue.edit');
  const [filter, setFilter] = useState<ProductFilter>({ page: 1, pageSize: PAGE_SIZE, archived: 'exclude' });
  const [answer, setAnswer] = useState<{ products: CatalogueProduct[]; total: number; categories: string[] }>({
    products: [],
    total: 0,
    categories: [],
  });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tab, setTab] = usePageTab('products');

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLoading(true);
      listProducts(filter, signal)
        .then((next) => {
          setAnswer(next);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!signal?.aborted) setError(errorMessage(caught));
        })
        .finally(() => {
          if (!signal?.aborted) setLoading(false);
        });
    },
    [filter],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const columns = useMemo<TableColumnsType<CatalogueProduct>>(
    () => [
      {
        key: 'title',
        title: t('catalogue.product'),
        render: (_v, p) => (
          <span className="catalogue-title-cell">
            {p.imageUrl ? (
              <img src={p.imageUrl} alt="" className="catalogue-thumb" />
            ) : (
              <span className="catalogue-thumb placeholder" />
            )}
            <span data-testid="catalogue-title">{p.title}</span>
            {p.archivedAt && <Tag>{t('catalogue.archived')}</Tag>}
          </span>
        ),
      },
      { key: 'category', title: t('catalogue.category'), dataIndex: 'category', width: 100 },
      {
        key: 'price',
        title: t('catalogue.price'),
        width: 170,
        render: (_v, p) => <span data-testid="catalogue-price">{priceText(p)}</span>,
      },
      {
        key: 'stock',
        title: t('catalogue.stock'),
        dataIndex: 'stockTotal',
        width: 90,
        render: (n: number) => <span data-testid="catalogue-stock">{n}</span>,
      },
      { key: 'skus', title: t('catalogue.skuCount'), width: 80, render: (_v, p) => p.skus.length },
      {
        key: 'action',
        width: 90,
        render: (_v, p) => (
          <Button size="small" onClick={() => setOpen(p.id)} data-testid="catalogue-edit">
            {editable ? t('catalogue.edit') : t('catalogue.view')}
          </Button>
        ),
      },
    ],
    [t, editable],
  );

  const products = (
    <>
      <div className="catalogue-toolbar">
        <Input.Search
          allowClear
          placeholder={t('catalogue.search')}
          style={{ width: 260 }}
          maxLength={100}
          onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })}
          data-testid="catalogue-search"
        />
        <Select
          allowClear
          placeholder={t('catalogue.allCategories')}
          style={{ width: 160 }}
          value={filter.category}
          onChange={(category?: string) => setFilter({ ...filter, category, page: 1 })}
          options={answer.categories.map((c) => ({ value: c, label: c }))}
          data-testid="catalogue-category"
        />
        <Checkbox
          checked={filter.archived === 'include'}
          onChange={(e) => setFilter({ ...filter, archived: e.target.checked ? 'include' : 'exclude', page: 1 })}
        >
          {t('catalogue.showArchived')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        <Button icon={<ImportOutlined />} onClick={() => navigate(paths.page('imports'))} data-testid="catalogue-import">
          {t('catalogue.import')}
        </Button>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="catalogue-create">
            {t('catalogue.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CatalogueProduct>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={answer.products}
        onRow={(p) => ({ 'data-testid': 'catalogue-row', 'data-product-id': p.id }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: answer.total,
          showSizeChanger: false,
          showTotal: (count) => t('catalogue.total', { count }),
          onChange: (page) => setFilter({ ...filter, page }),
        }}
        data-testid="catalogue-table"
      />
    </>
  );

  return (
    <main className="team-page catalogue-page" data-testid="page-products">
      <Card
        className="team-card"
        variant="borderless"
        title={
          <span className="team-title">
            <ShoppingOutlined /> {t('catalogue.title')}
          </span>
        }
      >
        {!editable && <Alert type="info" showIcon title={t('catalogue.readOnly')} style={{ marginBottom: 12 }} />}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'products', label: t('catalogue.tabProducts'), children: products },
            {
              key: 'bundles',
              label: <span data-testid="catalogue-tab-bundles">{t('catalogue.tabBundles')}</span>,
              children: <BundlesPanel editable={editable} />,
            },
          ]}
        />
      </Card>
      {open && (
        <ProductDrawer
          key={open}
          productId={open}
          editable={editable}
          categories={answer.categories}
          onClose={() => setOpen(null)}
          onChanged={() => load()}
        />
      )}
    </main>
  );
}
