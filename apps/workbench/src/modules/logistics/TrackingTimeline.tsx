import type { TrackingResponse } from '@golddesk/contracts';
import { Alert, Button, Empty, Input, Skeleton, Space, Tag, Timeline, Typography, App as AntApp } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import { addTrackingNote, fetchTracking } from './logistics.api';

const STATUS_COLOR: Record<string, string> = {
  shipped: 'blue',
  in_transit: 'blue',
  out_for_delivery: 'orange',
  signed: 'green',
  exception: 'red',
  returned: 'red',
  note: 'gray',
};

/** The parcel's timeline (newest first): time, what happened, where; the carrier and number copyable; an agent may add a note. */
export function TrackingTimeline({ orderId, refreshKey }: { orderId: string; refreshKey?: unknown }) {
  const { t } = useTranslation();
  const word = useServerText();
  const { message } = AntApp.useApp();
  const [tracking, setTracking] = useState<TrackingResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchTracking(orderId, controller.signal)
      .then((answer) => {
        setTracking(answer);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      });
    return () => controller.abort();
  }, [orderId, refreshKey, reload]);

  async function saveNote() {
    if (!note.trim()) return;
    setSaving(true);
    try {
      await addTrackingNote(orderId, note.trim());
      setNote('');
      void message.success(t('logistics.card.noteAdded'));
      setReload((n) => n + 1);
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!tracking) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  return (
    <div className="tracking-timeline" data-testid="tracking-timeline">
      <div className="tracking-head">
        <span>
          {tracking.carrier ?? '—'}{' '}
          {tracking.trackingNo && (
            <Typography.Text copyable className="tracking-no" data-testid="tracking-number">
              {tracking.trackingNo}
            </Typography.Text>
          )}
        </span>
        {tracking.current && (
          <Tag color={STATUS_COLOR[tracking.current]} data-testid="tracking-current">
            {t('logistics.card.current', { status: t(`logistics.status.${tracking.current}`) })}
          </Tag>
        )}
      </div>
      {tracking.events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.card.noEvents')} />
      ) : (
        <Timeline
          className="tracking-events"
          items={tracking.events.map((event) => ({
            key: event.id,
            color: STATUS_COLOR[event.status] ?? 'gray',
            content: (
              <div className="tracking-event" data-testid="tracking-event" data-status={event.status}>
                <div className={event.status === 'note' ? 'tracking-desc muted' : 'tracking-desc'}>
                  {event.location && <span className="tracking-location">【{event.location}】</span>}
                  {word(event.description, event.descriptionText)}
                </div>
                <div className="tracking-time muted">
                  {dayjs(event.occurredAt).format('MM-DD HH:mm')} ·{' '}
                  {t(`logistics.status.${event.status}`, { defaultValue: event.status })}
                </div>
              </div>
            ),
          }))}
        />
      )}
      <Space.Compact className="tracking-note">
        <Input
          size="small"
          value={note}
          maxLength={200}
          placeholder={t('logistics.card.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={() => void saveNote()}
          data-testid="tracking-note-input"
        />
        <Button
          size="small"
          loading={saving}
          disabled={!note.trim()}
          onClick={() => void saveNote()}
          data-testid="tracking-note-add"
        >
          {t('logistics.card.addNote')}
        </Button>
      </Space.Compact>
    </div>
  );
}
