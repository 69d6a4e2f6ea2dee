import { PictureOutlined, ThunderboltOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../quick-replies.locales';
import type { QuickReplyPickerState } from './use-quick-reply-picker';
import './quick-reply-picker.css';

/** The popup above the chat box: matching phrases on the left, the highlighted one filled for this buyer on the right. */
export function QuickReplyPicker({ picker }: { picker: QuickReplyPickerState }) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  // Keep the highlighted phrase in view while ↑ ↓ move through a long list.
  useEffect(() => {
    list.current?.querySelector('.qr-picker-item.active')?.scrollIntoView({ block: 'nearest' });
  }, [picker.active, picker.open]);
  if (!picker.open) return null;
  const highlighted = picker.matches[picker.active];
  return (
    <div
      className="qr-picker"
      data-testid="quick-reply-picker"
      onMouseDown={(event) => event.preventDefault() /* keep the input focused */}
    >
      <div className="qr-picker-list">
        <div className="qr-picker-title">
          <ThunderboltOutlined /> {t('quickReplies.picker.title')}
          {picker.query && <span className="qr-picker-query">/{picker.query}</span>}
          {!picker.loading && picker.matches.length > 0 && (
            <span className="qr-picker-count" data-testid="quick-reply-count">
              {t('quickReplies.picker.count', { count: picker.matches.length })}
            </span>
          )}
        </div>
        <div className="qr-picker-items" ref={list}>
          {picker.loading && <div className="qr-picker-empty">{t('quickReplies.picker.loading')}</div>}
          {!picker.loading && picker.matches.length === 0 && (
            <div className="qr-picker-empty">{t('quickReplies.picker.empty')}</div>
          )}
          {picker.matches.map((phrase, index) => {
            const unfilled = picker.missing.get(phrase.id) ?? [];
            return (
              <div
                key={phrase.id}
                className={`qr-picker-item${index === picker.active ? ' active' : ''}${unfilled.length ? ' unfillable' : ''}`}
                data-testid="quick-reply-option"
                data-code={phrase.code ?? ''}
                data-fillable={unfilled.length === 0}
                aria-selected={index === picker.active}
                onMouseEnter={() => picker.setActive(index)}
                onClick={() => picker.pick(phrase)}
              >
                <span className="qr-picker-code">{phrase.code ? `/${phrase.code}` : '—'}</span>
                {phrase.pinyin.length > 0 && <span className="qr-picker-pinyin">{phrase.pinyin.map((s) => s[0]).join('')}</span>}
                <span className="qr-picker-text">{phrase.content}</span>
                {phrase.imageUrl && <PictureOutlined className="qr-picker-icon" />}
                {unfilled.length > 0 && (
                  <Tag className="qr-picker-tag" color="warning" title={unfilled.map((n) => `{${n}}`).join(' ')}>
                    {t('quickReplies.picker.unfillable')}
                  </Tag>
                )}
                {phrase.scope === 'personal' && (
                  <Tag className="qr-picker-tag" color="blue">
                    {t('quickReplies.mine')}
                  </Tag>
                )}
              </div>
            );
          })}
        </div>
        <div className="qr-picker-keys">{t('quickReplies.picker.keys')}</div>
      </div>
      {highlighted && (
        <div className="qr-picker-preview" data-testid="quick-reply-preview">
          <div className="qr-picker-preview-title">{t('quickReplies.picker.preview')}</div>
          <div className="qr-picker-preview-text" data-testid="quick-reply-preview-text">
            {picker.preview?.text ?? highlighted.content}
          </div>
          {highlighted.imageUrl && (
            <div className="qr-picker-image">
              <img src={highlighted.imageUrl} alt="" />
              <span>{t('quickReplies.picker.imageQueued')}</span>
            </div>
          )}
          {picker.preview?.missing.map((m) => (
            <div key={m.name} className="qr-picker-warning" data-testid="quick-reply-missing">
              <WarningOutlined /> {t('quickReplies.picker.missing', { name: `{${m.name}}`, reason: m.reason })}
            </div>
          ))}
          {picker.preview && picker.preview.unknown.length > 0 && (
            <div className="qr-picker-warning">
              <WarningOutlined />{' '}
              {t('quickReplies.picker.unknown', { names: picker.preview.unknown.map((n) => `{${n}}`).join(' ') })}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
