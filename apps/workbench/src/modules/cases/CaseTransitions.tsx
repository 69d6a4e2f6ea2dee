import { formatFen, type CaseState, type CaseView } from '@golddesk/contracts';
import { App as AntApp, Button, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { useCaseWords, yuanToFen } from './case-words';
import { transitionCase } from './cases.api';

// Ending a case badly is one click away from ending it well: the stopping moves look different.
const DANGER: readonly CaseState[] = ['rejected', 'cancelled'];

/**
 * 处理: one button per move the type's state machine allows from here (in state words), with a note for the timeline;
 * 待退款 asks the amount agreed, 已发出 the replacement's parcel.
 */
export function CaseTransitions({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const words = useCaseWords();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [refundYuan, setRefundYuan] = useState<number | null>(item.refundFen !== null ? item.refundFen / 100 : null);
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [busy, setBusy] = useState<CaseState | null>(null);
  const moves = item.allowedTransitions;
  const allowed = useCan()('cases.work');

  if (moves.length === 0) {
    return (
      <div className="case-block muted" data-testid="case-no-moves">
        {t('cases.view.final', { state: words.state(item.state) })}
      </div>
    );
  }

  async function move(to: CaseState) {
    if (to === 'awaiting_refund' && refundYuan === null) return void message.warning(t('cases.view.refundRequired'));
    if (to === 'reshipped' && (!carrier.trim() || !trackingNo.trim()))
      return void message.warning(t('cases.view.parcelRequired'));
    setBusy(to);
    try {
      await transitionCase(item.id, {
        requestId: crypto.randomUUID(),
        to,
        note: note.trim() || undefined,
        refundFen: to === 'awaiting_refund' && refundYuan !== null ? yuanToFen(refundYuan) : undefined,
        carrier: to === 'reshipped' ? carrier.trim() : undefined,
        trackingNo: to === 'reshipped' ? trackingNo.trim() : undefined,
      });
      void message.success(t('cases.view.moved', { state: words.state(to) }));
      setNote('');
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  if (!allowed) {
    return (
      <div className="case-block" data-testid="case-transitions">
        <div className="case-block-title">{t('cases.view.next')}</div>
        <Typography.Text type="secondary" data-testid="case-work-forbidden">
          {t('cases.view.workForbidden')}
        </Typography.Text>
      </div>
    );
  }

  return (
    <div className="case-block" data-testid="case-transitions">
      <div className="case-block-title">{t('cases.view.next')}</div>
      {moves.includes('awaiting_refund') && (
        <div className="case-field">
          <span className="case-field-label">{t('cases.view.refundAgreed')}</span>
          <InputNumber
            size="small"
            min={0}
            precision={2}
            prefix="¥"
            value={refundYuan}
            onChange={(value) => setRefundYuan(value)}
            data-testid="case-refund-input"
          />
          {item.refundFen !== null && (
            <span className="muted">{t('cases.view.refundAsked', { amount: formatFen(item.refundFen) })}</span>
          )}
        </div>
      )}
      {moves.includes('reshipped') && (
        <div className="case-field">
          <span className="case-field-label">{t('cases.view.reshipParcel')}</span>
          <Space.Compact size="small">
            <Input
              style={{ width: 110 }}
              placeholder={t('cases.view.carrier')}
              maxLength={32}
              value={carrier}
              onChange={(e) => setCarrier(e.target.value)}
              data-testid="case-carrier"
            />
            <Input
              style={{ width: 200 }}
              placeholder={t('cases.view.trackingNo')}
              maxLength={40}
              value={trackingNo}
              onChange={(e) => setTrackingNo(e.target.value)}
              data-testid="case-tracking"
            />
          </Space.Compact>
        </div>
      )}
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder={t('cases.view.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="case-transition-note"
      />
      <Space wrap size={6} className="case-moves">
        {moves.map((to) => (
          <Button
            key={to}
            size="small"
            type={DANGER.includes(to) ? 'default' : 'primary'}
            danger={DANGER.includes(to)}
            ghost={!DANGER.includes(to) && to !== 'completed'}
            loading={busy === to}
            disabled={!!busy && busy !== to}
            onClick={() => void move(to)}
            data-testid={`case-move-${to}`}
          >
            {words.state(to)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
