import type { CaseView, OrderView } from '@golddesk/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { openCaseView, isOpenCase, useCases } from './case.store';
import { STATE_COLOR, useCaseWords } from './case-words';
import { listCases } from './cases.api';
import { OpenCaseModal } from './OpenCaseModal';
import './cases.locales';
import './cases.css';

interface CaseSectionProps {
  buyerId: string;
}

/**
 * The right pane's 售后 block: the buyer's open cases, live (a case opened from the widget appears at once). Nothing
 * when there are none, so the latest order stays above the fold on a laptop; 新建售后 sits in the pane's title.
 */
export function CaseSection({ buyerId }: CaseSectionProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const cases = useCases(`buyer:${buyerId}`, (item) => item.buyerId === buyerId && isOpenCase(item));

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    listCases({ buyerId, status: 'open' }, controller.signal).catch(
      (caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)),
    );
    return () => controller.abort();
  }, [buyerId]);

  if (cases.length === 0 && !error) return null;
  return (
    <div className="case-section" data-testid="case-section">
      <div className="case-section-head">
        <span className="case-section-title">{t('cases.section')}</span>
        {cases.length > 0 && <span className="tab-count">{cases.length}</span>}
      </div>
      {error && <div className="case-section-error muted">{error}</div>}
      {cases.map((item) => (
        <CaseRow key={item.id} item={item} />
      ))}
    </div>
  );
}

interface NewCaseButtonProps {
  /** The buyer's orders, to open a case on one. */
  orders: OrderView[];
  /** The open chat: a new case is linked to it. */
  conversationId: string | null;
}

/** 新建售后 in the right pane's title: a case on one of the buyer's orders, linked to the open chat. */
export function NewCaseButton({ orders, conversationId }: NewCaseButtonProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button
        size="small"
        type="text"
        icon={<PlusOutlined />}
        disabled={orders.length === 0}
        title={orders.length === 0 ? t('cases.open.noOrders') : undefined}
        onClick={() => setCreating(true)}
        className="case-new"
        data-testid="case-new"
      >
        {t('cases.open.button')}
      </Button>
      {creating && <OpenCaseModal orders={orders} conversationId={conversationId} onClose={() => setCreating(false)} />}
    </>
  );
}

/** One open case: type, state, deadline (red once passed); a click opens the case view. */
function CaseRow({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const words = useCaseWords();
  return (
    <button
      type="button"
      className="case-row"
      onClick={() => openCaseView(item.id)}
      data-testid="case-row"
      data-case-id={item.id}
      data-state={item.state}
    >
      <span className="case-row-main">
        <span className="case-row-type">{words.type(item.type)}</span>
        <Tag color={STATE_COLOR[item.state]} className="case-row-state">
          {words.state(item.state)}
        </Tag>
      </span>
      <span className="case-row-sub muted">
        <span>{item.caseNo}</span>
        <span className={item.overdue ? 'case-overdue' : undefined} data-testid="case-row-deadline">
          {item.overdue ? t('cases.overdue') : t('cases.deadline', { time: dayjs(item.deadlineAt).format('MM-DD HH:mm') })}
        </span>
      </span>
    </button>
  );
}
