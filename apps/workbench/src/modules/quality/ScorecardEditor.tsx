import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_QUALITY_SCORECARD,
  QUALITY_SCORECARD_LIMITS,
  type QualityScorecardItem,
  type QualityScorecardResponse,
} from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Input, InputNumber, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { saveScorecard } from './quality-inspection.api';

interface ScorecardEditorProps {
  saved: QualityScorecardResponse;
  editable: boolean;
  onSaved: (saved: QualityScorecardResponse) => void;
}

/** An id for a new item that no other item has. */
function freshId(items: QualityScorecardItem[]): string {
  for (let n = items.length + 1; ; n++) if (!items.some((item) => item.id === `item-${n}`)) return `item-${n}`;
}

/** 评分表: the items managers score sessions on (name in both languages, maximum), adding up to 100. */
export function ScorecardEditor({ saved, editable, onSaved }: ScorecardEditorProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [items, setItems] = useState(saved.scorecard.items);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = items.reduce((sum, item) => sum + (item.maxPoints || 0), 0);
  const dirty = JSON.stringify(items) !== JSON.stringify(saved.scorecard.items);
  const change = (index: number, patch: Partial<QualityScorecardItem>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  async function save(next: QualityScorecardItem[]) {
    setBusy(true);
    setError(null);
    try {
      const result = await saveScorecard({ items: next });
      setItems(result.scorecard.items);
      onSaved(result);
      void message.success(t('qualityPage.scorecard.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="quality-scorecard" data-testid="quality-scorecard">
      <Typography.Paragraph type="secondary">{t('qualityPage.scorecard.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={saved.isDefault ? 'default' : 'blue'}>
          {t(saved.isDefault ? 'qualityPage.scorecard.isDefault' : 'qualityPage.scorecard.isCustom')}
        </Tag>
        {!editable && <Typography.Text type="secondary">{t('qualityPage.scorecard.readOnly')}</Typography.Text>}
      </Space>
      <div className="quality-scorecard-head">
        <span>{t('qualityPage.scorecard.nameZh')}</span>
        <span>{t('qualityPage.scorecard.nameEn')}</span>
        <span>{t('qualityPage.scorecard.max')}</span>
        <span />
      </div>
      {items.map((item, index) => (
        <div key={item.id} className="quality-scorecard-row" data-testid="scorecard-item">
          <Input
            value={item.name.zh}
            maxLength={QUALITY_SCORECARD_LIMITS.name}
            disabled={!editable}
            onChange={(event) => change(index, { name: { ...item.name, zh: event.target.value } })}
            data-testid="scorecard-name-zh"
          />
          <Input
            value={item.name.en}
            maxLength={QUALITY_SCORECARD_LIMITS.name}
            disabled={!editable}
            onChange={(event) => change(index, { name: { ...item.name, en: event.target.value } })}
            data-testid="scorecard-name-en"
          />
          <span data-testid="scorecard-max">
            <InputNumber
              min={1}
              max={100}
              precision={0}
              value={item.maxPoints}
              disabled={!editable}
              onChange={(value) => change(index, { maxPoints: value ?? 0 })}
              style={{ width: '100%' }}
            />
          </span>
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('qualityPage.scorecard.remove')}
            disabled={!editable || items.length <= 1}
            onClick={() => setItems(items.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      <div className="quality-scorecard-foot">
        {editable && (
          <Button
            icon={<PlusOutlined />}
            disabled={items.length >= QUALITY_SCORECARD_LIMITS.items}
            onClick={() => setItems([...items, { id: freshId(items), name: { zh: '', en: '' }, maxPoints: 10 }])}
            data-testid="scorecard-add"
          >
            {t('qualityPage.scorecard.add')}
          </Button>
        )}
        <Typography.Text strong type={total === 100 ? 'success' : 'danger'} data-testid="scorecard-total">
          {t(total === 100 ? 'qualityPage.scorecard.total' : 'qualityPage.scorecard.totalWrong', { total })}
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="scorecard-error" />}
      {editable && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} disabled={!dirty} onClick={() => void save(items)} data-testid="scorecard-save">
            {t('qualityPage.scorecard.save')}
          </Button>
          <Popconfirm title={t('qualityPage.scorecard.reset')} onConfirm={() => void save(DEFAULT_QUALITY_SCORECARD.items)}>
            <Button disabled={busy || saved.isDefault}>{t('qualityPage.scorecard.reset')}</Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}
