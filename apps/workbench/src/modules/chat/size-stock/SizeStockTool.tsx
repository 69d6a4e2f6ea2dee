import type { BodyMeasurements, CatalogueProductDetail } from '@golddesk/contracts';
import { ColumnHeightOutlined } from '@ant-design/icons';
import { Alert, Button, Popover, Select, Skeleton, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/api-client';
import { getProduct, listProducts } from '../../catalogue';
import { conversationStore, messageStore } from '../../conversations';
import { fetchCustomer, footprintStore } from '../../crm';
import { measurementsFromChat, productChoices, type ProductChoice } from './size-stock';
import { SizeAdvicePanel } from './SizeAdvicePanel';
import { SkuStockList } from './SkuStockList';
import './size-stock.css';
import './size-stock.locales';

interface SizeStockToolProps {
  conversationId: string;
  /** The composer's textarea: the sentence goes after what is already typed. */
  input: RefObject<TextAreaRef | null>;
  /** Called with the composer's whole text after the insert. */
  onInsert: (value: string) => void;
}

type Choice = ProductChoice | (Omit<ProductChoice, 'source'> & { source: 'search' });

/**
 * 尺码/库存 in the composer toolbar: for the product this chat is about (the last product card, else the buyer's
 * latest footprint, else their latest order's item; the agent may switch), the 尺码助手 pre-filled from the buyer's
 * height and weight, and the stock per SKU. 发送 puts a ready sentence in the composer.
 */
export function SizeStockTool({ conversationId, input, onInsert }: SizeStockToolProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [found, setFound] = useState<Choice[]>([]);
  const [productId, setProductId] = useState<string | null>(null);
  const [product, setProduct] = useState<CatalogueProductDetail | null>(null);
  const [measured, setMeasured] = useState<BodyMeasurements>({});
  const [advisedSize, setAdvisedSize] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchSeq = useRef(0);

  // Opening reads the chat as it is now: its product cards, the buyer's footprints and orders, their height and weight.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const messages = messageStore.get()[conversationId]?.messages ?? [];
    setMeasured(measurementsFromChat(messages));
    setChoices(null);
    setFound([]);
    setError(null);
    const buyerId = conversationStore.get().byId[conversationId]?.buyer.id;
    const profile = buyerId ? fetchCustomer(buyerId, controller.signal) : Promise.resolve(null);
    profile
      .then((loaded) => {
        const footprints = (buyerId && footprintStore.get()[buyerId]) || loaded?.footprints || [];
        const next = productChoices(messages, footprints, loaded?.orders ?? []);
        setChoices(next);
        setProductId(next[0]?.productId ?? null); // a switch lasts while the panel is open
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      });
    return () => controller.abort();
  }, [open, conversationId]);

  useEffect(() => {
    if (!open || !productId) return;
    const controller = new AbortController();
    setProduct(null);
    getProduct(productId, controller.signal)
      .then((detail) => {
        setProduct(detail);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      });
    return () => controller.abort();
  }, [open, productId]);

  function search(q: string) {
    const seq = ++searchSeq.current;
    if (!q.trim()) return setFound([]);
    listProducts({ q: q.trim(), page: 1, pageSize: 20 })
      .then(({ products }) => {
        if (seq !== searchSeq.current) return; // an older answer arriving late
        setFound(products.map((p) => ({ productId: p.id, title: p.title, imageUrl: p.imageUrl, source: 'search' as const })));
      })
      .catch(() => setFound([]));
  }

  function send(sentence: string) {
    const area = input.current?.resizableTextArea?.textArea;
    const typed = area?.value ?? '';
    const value = typed.trim() ? `${typed}${/\s$/.test(typed) ? '' : ' '}${sentence}` : sentence;
    onInsert(value);
    setOpen(false);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(value.length, value.length);
    });
  }

  const groups = (['chat', 'footprint', 'order', 'search'] as const)
    .map((source) => ({
      label: t(`sizeStock.sources.${source}`),
      options: [...(choices ?? []), ...found.filter((f) => !choices?.some((c) => c.productId === f.productId))]
        .filter((c) => c.source === source)
        .map((c) => ({ value: c.productId, label: c.title })),
    }))
    .filter((group) => group.options.length > 0);

  const content = (
    <div className="size-stock-panel" data-testid="size-stock-panel">
      <Select
        className="size-stock-product"
        size="small"
        showSearch={{ onSearch: search, optionFilterProp: 'label' }}
        value={productId ?? undefined}
        placeholder={t('sizeStock.searchProduct')}
        options={groups}
        onChange={(id: string) => setProductId(id)}
        popupMatchSelectWidth={false}
        aria-label={t('sizeStock.switchProduct')}
        data-testid="size-stock-product"
      />
      {error && <Alert type="warning" showIcon title={error} />}
      {choices === null && !error ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : !productId ? (
        <Alert type="info" showIcon title={t('sizeStock.noProduct')} />
      ) : !product ? (
        !error && <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : (
        <>
          <SizeAdvicePanel key={product.id} product={product} measured={measured} onSend={send} onAdvised={setAdvisedSize} />
          <SkuStockList product={product} advisedSize={advisedSize} onSend={send} />
        </>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="topLeft"
      title={t('sizeStock.title')}
      content={content}
      destroyOnHidden
    >
      <Tooltip title={open ? '' : t('sizeStock.tooltip')}>
        <Button type="text" icon={<ColumnHeightOutlined />} data-testid="size-stock-button" aria-expanded={open}>
          <span className="size-stock-button-text">{t('sizeStock.button')}</span>
        </Button>
      </Tooltip>
    </Popover>
  );
}
