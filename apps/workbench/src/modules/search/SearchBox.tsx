import type { SearchMessagesResponse } from '@golddesk/contracts';

import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Popover, Spin } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest, errorMessage } from '../../platform/api-client';
import { Highlight } from './Highlight';

interface SearchBoxProps {
  /** Opens the conversation a hit belongs to. */
  onOpenConversation: (conversationId: string) => void;
}

type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; result: SearchMessagesResponse }
  | { status: 'error'; message: string };

/** Header search over the shop's chat history; results drop down under the box. */
export function SearchBox({ onOpenConversation }: SearchBoxProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function search(value: string) {
    const q = value.trim();
    if (!q) return setOpen(false);
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setOpen(true);
    setState({ status: 'loading' });
    try {
      const result = await apiRequest<SearchMessagesResponse>('/api/v1/search/messages', {
        query: { q, limit: 50 },
        signal: current.signal,
      });
      // The server's terms are its word segmentation (jieba); fall back to the typed words.
      const terms = result.terms?.length ? result.terms : q.split(/\s+/);
      setState({ status: 'done', result: { ...result, terms } });
    } catch (error) {
      if (!current.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
    }
  }

  const content = (
    <div className="search-results" data-testid="search-results">
      {state.status === 'loading' && (
        <div className="pane-center" style={{ padding: 24 }}>
          <Spin />
        </div>
      )}
      {state.status === 'error' && <div className="search-error">{state.message}</div>}
      {state.status === 'done' && state.result.hits.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.noHits')} />
      )}
      {state.status === 'done' && state.result.hits.length > 0 && (
        <>
          <div className="search-count">{t('search.hits', { count: state.result.hits.length })}</div>
          {state.result.hits.map(({ message, buyer }) => (
            <div
              key={message.id}
              role="button"
              tabIndex={0}
              className="search-hit"
              data-testid="search-hit"
              data-conversation-id={message.conversationId}
              onClick={() => {
                setOpen(false);
                onOpenConversation(message.conversationId);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  setOpen(false);
                  onOpenConversation(message.conversationId);
                }
              }}
            >
              <div className="search-hit-head">
                <span className="search-hit-nick">{buyer.nick}</span>
                <span className="muted">
                  {t(`chat.sender.${message.sender}`)} · {dayjs(message.createdAt).format('YYYY-MM-DD HH:mm')}
                </span>
              </div>
              <div className="search-hit-body">
                <Highlight text={message.body} terms={state.result.terms} />
              </div>
            </div>
          ))}
        </>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      open={open && state.status !== 'idle'}
      onOpenChange={(next) => !next && setOpen(false)}
      trigger="click"
      placement="bottom"
      arrow={false}
    >
      {/* A plain Input (not Input.Search) so data-testid lands on the <input> itself. */}
      <Input
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onPressEnter={() => void search(query)}
        onFocus={() => state.status !== 'idle' && query.trim() && setOpen(true)}
        placeholder={t('search.placeholder')}
        allowClear
        prefix={<SearchOutlined className="muted" />}
        suffix={<span className="search-enter-hint">Enter</span>}
        maxLength={100}
        data-testid="search-input"
        style={{ width: '100%' }}
      />
    </Popover>
  );
}
