import { CloseOutlined, SearchOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { fillQuickReply, rankQuickReplies, type QuickReplyVariables, type QuickReplyView } from '@golddesk/contracts';
import { Button, Input, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { createStore, useStore } from '../../../platform/store';
import { NO_VARIABLES, loadPhrases, loadVariables, useLastBuyerSeq } from '../picker/phrase-source';
import '../quick-replies.locales';
import './quick-phrase-panel.css';

const STORAGE_KEY = 'golddesk.quickPhrasePanel';
// Open or closed stays as the agent left it, across conversations and reloads (a mouse user keeps it open).
const panelOpen = createStore(localStorage.getItem(STORAGE_KEY) === 'open');
function setPanelOpen(open: boolean) {
  panelOpen.set(open);
  localStorage.setItem(STORAGE_KEY, open ? 'open' : 'closed');
}

interface PanelProps {
  conversationId: string;
  /** Puts the clicked phrase in the chat box at the caret (filled for this buyer). */
  onPick: (phrase: QuickReplyView) => void;
}

/** The composer toolbar's 快捷短语 button and, while it is on, the side panel it opens. */
export function QuickPhrasePanelToggle({ conversationId, onPick }: PanelProps) {
  const { t } = useTranslation();
  const open = useStore(panelOpen, (s) => s);
  return (
    <>
      <Tooltip title={t('quickReplies.panel.toggle')}>
        <Button
          type={open ? 'primary' : 'text'}
          ghost={open}
          icon={<ThunderboltOutlined />}
          onClick={() => setPanelOpen(!open)}
          aria-pressed={open}
          aria-label={t('quickReplies.panel.toggle')}
          data-testid="quick-phrase-panel-toggle"
        />
      </Tooltip>
      {open && createPortal(<QuickPhrasePanel conversationId={conversationId} onPick={onPick} />, document.body)}
    </>
  );
}

/** Groups in the order they were created (未分组 last), each with its phrases by code. */
function byGroup(phrases: QuickReplyView[]): [string, QuickReplyView[]][] {
  const groups = new Map<string, QuickReplyView[]>();
  const sorted = [...phrases].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const phrase of sorted) groups.set(phrase.group, [...(groups.get(phrase.group) ?? []), phrase]);
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
}

/** The side panel for mouse users: every phrase by group, a search (codes, pinyin, words), click inserts. */
function QuickPhrasePanel({ conversationId, onPick }: PanelProps) {
  const { t } = useTranslation();
  const [phrases, setPhrases] = useState<QuickReplyView[] | null>(null);
  const [variables, setVariables] = useState<QuickReplyVariables | null>(null);
  const [query, setQuery] = useState('');
  const buyerSeq = useLastBuyerSeq(conversationId);

  useEffect(() => {
    let live = true;
    void loadPhrases().then(
      (list) => live && setPhrases(list),
      () => live && setPhrases([]),
    );
    void loadVariables(conversationId, buyerSeq).then(
      (v) => live && setVariables(v),
      () => live && setVariables(NO_VARIABLES),
    );
    return () => {
      live = false;
    };
  }, [conversationId, buyerSeq]);

  const sections = useMemo((): [string, QuickReplyView[]][] => {
    if (!phrases) return [];
    if (query.trim()) return [['', rankQuickReplies(phrases, query.trim(), { variables })]];
    return byGroup(phrases);
  }, [phrases, variables, query]);

  const item = (phrase: QuickReplyView) => {
    const missing = variables ? fillQuickReply(phrase.content, variables).missing : [];
    return (
      <button
        type="button"
        key={phrase.id}
        className={`qp-panel-item${missing.length ? ' unfillable' : ''}`}
        data-testid="quick-phrase-item"
        data-code={phrase.code ?? ''}
        title={t('quickReplies.panel.clickToInsert')}
        // Keeps the chat box's caret where it was, so the phrase goes there.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onPick(phrase)}
      >
        <span className="qp-panel-item-head">
          <span className="qp-panel-code">{phrase.code ? `/${phrase.code}` : '—'}</span>
          {phrase.pinyin.length > 0 && <span className="qp-panel-pinyin">{phrase.pinyin.map((s) => s[0]).join('')}</span>}
          {missing.length > 0 && (
            <Tag color="warning" title={missing.map((m) => `{${m.name}}`).join(' ')}>
              {t('quickReplies.picker.unfillable')}
            </Tag>
          )}
          {phrase.scope === 'personal' && <Tag color="blue">{t('quickReplies.mine')}</Tag>}
        </span>
        <span className="qp-panel-text">{phrase.content}</span>
      </button>
    );
  };

  return (
    <aside className="qp-panel" data-testid="quick-phrase-panel" aria-label={t('quickReplies.panel.title')}>
      <div className="qp-panel-header">
        <span className="qp-panel-title">
          <ThunderboltOutlined /> {t('quickReplies.panel.title')}
        </span>
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          onClick={() => setPanelOpen(false)}
          aria-label="close"
          data-testid="quick-phrase-panel-close"
        />
      </div>
      <div className="qp-panel-search">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('quickReplies.panel.search')}
          data-testid="quick-phrase-panel-search"
        />
      </div>
      <div className="qp-panel-list">
        {phrases === null && <div className="qp-panel-empty">{t('quickReplies.picker.loading')}</div>}
        {phrases !== null && sections.every(([, list]) => list.length === 0) && (
          <div className="qp-panel-empty">{t('quickReplies.panel.empty')}</div>
        )}
        {sections.map(([group, list]) => (
          <section key={group || '-'} className="qp-panel-group" data-testid="quick-phrase-group" data-group={group}>
            {!query.trim() && <div className="qp-panel-group-title">{group || t('quickReplies.ungrouped')}</div>}
            {list.map(item)}
          </section>
        ))}
      </div>
    </aside>
  );
}
