import { formatFen, type Suggestion } from '@golddesk/contracts';
import { BulbOutlined, DownOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Skeleton, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onStreamFrame } from '../../platform/realtime';
import { errorMessage } from '../../platform/api-client';
import { listSuggestions, sendProductCard } from './catalogue.api';
import './catalogue.locales';
import './catalogue.css';

/** The pane is shared with the orders: a few suggestions first, the rest on request. */
const SHOWN_AT_FIRST = 3;

// Folded or not is the agent's habit, kept across buyers and reloads. Until the agent chooses, a short window (a
// 1366×768 laptop) starts folded so the 订单 tab and the latest order stay above the fold.
const FOLDED_KEY = 'golddesk:relatedNeedsFolded';
const SHORT_WINDOW_PX = 900;
const readFolded = () => {
  try {
    const saved = localStorage.getItem(FOLDED_KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // private mode: fall back to the window's height
  }
  return window.innerHeight < SHORT_WINDOW_PX;
};

const REASON_COLOURS: Record<Suggestion['reason'], string> = { viewed_not_bought: 'orange', related: 'blue', bundle: 'purple' };

/**
 * 连带需求 in the right pane: products to suggest to this buyer (footprints not bought, related to the
 * order, bundles), each sent as a product card in one click. Refreshes when the buyer views a product.
 */
export function RelatedNeeds({ buyerId, conversationId }: { buyerId: string; conversationId: string | null }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [folded, setFolded] = useState(readFolded);

  function toggleFolded() {
    const next = !folded;
    setFolded(next);
    try {
      localStorage.setItem(FOLDED_KEY, next ? '1' : '0');
    } catch {
      // private mode: folding still works for this page
    }
  }

  const load = useCallback(
    (signal?: AbortSignal) => {
      listSuggestions(buyerId, signal)
        .then(setSuggestions)
        .catch(() => {
          if (!signal?.aborted) setSuggestions([]);
        });
    },
    [buyerId],
  );

  useEffect(() => {
    setSuggestions(null);
    setExpanded(false);
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, i18n.language]);

  useEffect(
    () =>
      onStreamFrame((frame) => {
        if (frame.type === 'customer.footprint_recorded' && frame.buyerId === buyerId) load();
      }),
    [buyerId, load],
  );

  async function send(productId: string) {
    if (!conversationId) return;
    setSending(productId);
    try {
      await sendProductCard(conversationId, productId);
      void message.success(t('relatedNeeds.sent'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSending(null);
    }
  }

  return (
    <section className="related-needs" data-testid="related-needs">
      <button
        type="button"
        className="pane-subtitle related-needs-head"
        onClick={toggleFolded}
        aria-expanded={!folded}
        data-testid="related-needs-toggle"
      >
        {folded ? <RightOutlined className="fold-icon" /> : <DownOutlined className="fold-icon" />}
        <BulbOutlined /> {t('relatedNeeds.title')}
        {suggestions && suggestions.length > 0 && <span className="related-needs-count">{suggestions.length}</span>}
        <span className="muted related-needs-hint">{t('relatedNeeds.hint')}</span>
      </button>
      {folded ? null : suggestions === null ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} style={{ padding: '0 16px' }} />
      ) : suggestions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('relatedNeeds.empty')} />
      ) : (
        <ul className="related-needs-list">
          {(expanded ? suggestions : suggestions.slice(0, SHOWN_AT_FIRST)).map((s) => (
            <li
              key={s.product.id}
              className="related-need"
              data-testid="suggestion"
              data-product-id={s.product.id}
              data-reason={s.reason}
            >
              {s.product.imageUrl ? (
                <img src={s.product.imageUrl} alt="" className="related-need-image" />
              ) : (
                <div className="related-need-image placeholder" />
              )}
              <div className="related-need-info">
                <Tooltip title={s.product.title}>
                  <div className="related-need-title">{s.product.title}</div>
                </Tooltip>
                <div className="related-need-meta">
                  <span className="related-need-price">{formatFen(s.product.priceFen)}</span>
                  <span className="muted">{t('relatedNeeds.stock', { count: s.product.stockTotal })}</span>
                </div>
                <Tag
                  color={REASON_COLOURS[s.reason]}
                  bordered={false}
                  className="related-need-reason"
                  data-testid="suggestion-reason"
                >
                  {s.reasonText}
                </Tag>
              </div>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<SendOutlined />}
                disabled={!conversationId}
                loading={sending === s.product.id}
                onClick={() => void send(s.product.id)}
                data-testid="suggestion-send"
              >
                {t('relatedNeeds.send')}
              </Button>
            </li>
          ))}
          {suggestions.length > SHOWN_AT_FIRST && (
            <li className="related-needs-more">
              <Button type="link" size="small" onClick={() => setExpanded(!expanded)} data-testid="suggestions-toggle">
                {expanded ? t('relatedNeeds.less') : t('relatedNeeds.more', { count: suggestions.length - SHOWN_AT_FIRST })}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
