import { formatFen, statusWord, type CaseTimelineEntry, type CaseView, type CompensationKind } from '@golddesk/contracts';
import { App as AntApp, Button, Input, Space, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCaseWords } from './case-words';
import { updateCase } from './cases.api';

const ACTOR_COLOR: Record<CaseTimelineEntry['actor']['kind'], string> = {
  agent: 'blue',
  buyer: 'orange',
  system: 'gray',
  integration: 'purple',
};

/** 时间线: every step of the case, newest first — who (agent, buyer, system), when, what; and a note for colleagues. */
export function CaseTimeline({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  async function addNote() {
    if (!note.trim()) return;
    setSaving(true);
    try {
      await updateCase(item.id, { note: note.trim() });
      setNote('');
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="case-block" data-testid="case-timeline">
      <Space.Compact size="small" className="case-note-form">
        <Input
          placeholder={t('cases.timeline.notePlaceholder')}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={() => void addNote()}
          data-testid="case-note-input"
        />
        <Button loading={saving} disabled={!note.trim()} onClick={() => void addNote()} data-testid="case-note-add">
          {t('cases.timeline.addNote')}
        </Button>
      </Space.Compact>
      <Timeline
        className="case-timeline"
        items={[...item.timeline].reverse().map((entry) => ({
          key: entry.id,
          color: ACTOR_COLOR[entry.actor.kind],
          content: <TimelineEntry entry={entry} />,
        }))}
      />
    </div>
  );
}

function TimelineEntry({ entry }: { entry: CaseTimelineEntry }) {
  const { t } = useTranslation();
  const words = useCaseWords();
  const who =
    entry.actor.kind === 'agent'
      ? entry.actor.name
      : `${t(`cases.timeline.actor.${entry.actor.kind}`)} ${entry.actor.name}`.trim();
  const fallback = entry.toState ? t('cases.timeline.kind.transitioned') : t('cases.timeline.kind.other');
  const detail = entryDetail(entry, words.language, (key, values) => t(key, values));
  return (
    <div className="case-timeline-entry" data-testid="case-timeline-entry" data-kind={entry.kind}>
      <div>
        <span className="case-timeline-what">{t(`cases.timeline.kind.${entry.kind}`, { defaultValue: fallback })}</span>
        {entry.toState && (
          <span className="case-timeline-states">
            {entry.fromState && `${words.state(entry.fromState)} → `}
            {words.state(entry.toState)}
          </span>
        )}
        {detail && <span className="case-timeline-detail"> {detail}</span>}
      </div>
      {entry.note && <div className="case-timeline-note">{entry.note}</div>}
      <div className="muted case-timeline-meta">
        {who} · {dayjs(entry.at).format('MM-DD HH:mm')}
      </div>
    </div>
  );
}

/** What the entry's data adds in words: the goodwill and its amount, the guide step, a parcel, a photo item. */
function entryDetail(
  entry: CaseTimelineEntry,
  language: 'zh-CN' | 'en',
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const data = entry.data ?? {};
  const parts: string[] = [];
  if (typeof data.kind === 'string' && typeof data.amountFen === 'number')
    parts.push(`${statusWord('compensation', data.kind as CompensationKind, language)} ${formatFen(data.amountFen)}`);
  else if (typeof data.refundFen === 'number') parts.push(formatFen(data.refundFen));
  if (typeof data.step === 'string') parts.push(t(`cases.guide.steps.${data.step}`, { defaultValue: data.step }));
  if (typeof data.taskKind === 'string') parts.push(statusWord('task', data.taskKind, language));
  if (typeof data.finding === 'string') parts.push(t(`tasks.findings.${data.finding}`, { defaultValue: data.finding }));
  if (typeof data.label === 'string' && entry.kind === 'evidence_uploaded' && language === 'zh-CN') parts.push(data.label);
  if (typeof data.trackingNo === 'string') parts.push([data.carrier, data.trackingNo].filter(Boolean).join(' '));
  if (typeof data.assigneeName === 'string') parts.push(data.assigneeName);
  return parts.join(' · ');
}
