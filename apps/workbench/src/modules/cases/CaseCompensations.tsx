import { CompensationKind, DEFAULT_AFTERSALE_POLICY, formatFen, type CaseCompensation, type CaseView } from '@golddesk/contracts';
import { App as AntApp, Button, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { useCaseWords, yuanToFen } from './case-words';
import { compensate } from './cases.api';
import { usePolicy } from './policy.store';

// The owner's default: nobody to ask.
const UNLIMITED = DEFAULT_AFTERSALE_POLICY.compensationLimitsFen.owner!;

const STATUS_COLOR: Record<CaseCompensation['status'], string> = {
  applied: 'green',
  pending_approval: 'purple',
  approved: 'blue',
  rejected: 'red',
};

/**
 * 补偿 (goodwill): a coupon, cash, the return shipping or a partial refund. Within the role's limit it is given at once;
 * beyond it, the same click asks a manager, and once approved the agent gives it with 发放.
 */
export function CaseCompensations({ item, role }: { item: CaseView; role: string }) {
  const { t } = useTranslation();
  const words = useCaseWords();
  const { message } = AntApp.useApp();
  const policy = usePolicy();
  const [kind, setKind] = useState<CompensationKind>('coupon');
  const [yuan, setYuan] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const may = useCan();
  // As the server counts it: no limit for those who set the limits, else the role's (none set: nothing without asking).
  const limitFen = may('cases.set_authority') ? UNLIMITED : policy ? (policy.compensationLimitsFen[role] ?? 0) : undefined;
  const allowed = may('cases.compensate');

  async function give(request: { kind: CompensationKind; amountFen: number; approvalId?: string }, key: string) {
    setBusy(key);
    try {
      const answer = await compensate(item.id, { requestId: crypto.randomUUID(), note: note.trim() || undefined, ...request });
      const what = `${words.compensation(request.kind)} ${formatFen(request.amountFen)}`;
      if (answer.result === 'applied') void message.success(t('cases.goodwill.applied', { what }));
      else void message.info(t('cases.goodwill.requested', { what }));
      if (!request.approvalId) {
        setYuan(null);
        setNote('');
      }
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  const amountFen = yuan ? yuanToFen(yuan) : 0;
  const beyond = limitFen !== undefined && amountFen > limitFen;
  return (
    <div className="case-block" data-testid="case-goodwill">
      <div className="case-block-title">
        {t('cases.goodwill.title')}
        {limitFen !== undefined && (
          <span className="muted case-limit" data-testid="case-goodwill-limit">
            {limitFen >= UNLIMITED
              ? t('cases.goodwill.unlimited')
              : t('cases.goodwill.limit', { amount: formatFen(limitFen, { short: true }) })}
          </span>
        )}
      </div>
      <Space.Compact size="small" className="case-goodwill-form">
        <Select<CompensationKind>
          value={kind}
          onChange={setKind}
          style={{ width: 110 }}
          options={CompensationKind.options.map((value) => ({ value, label: words.compensation(value) }))}
          disabled={!allowed}
          data-testid="case-goodwill-kind"
        />
        <InputNumber
          min={0.01}
          max={100000}
          precision={2}
          prefix="¥"
          placeholder={t('cases.goodwill.amount')}
          value={yuan}
          onChange={(value) => setYuan(value)}
          style={{ width: 132 }}
          disabled={!allowed}
          data-testid="case-goodwill-amount"
        />
        <Input
          placeholder={t('cases.goodwill.note')}
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          disabled={!allowed}
          data-testid="case-goodwill-note"
        />
        <Button
          type="primary"
          loading={busy === 'new'}
          disabled={!allowed || !amountFen || !!busy}
          onClick={() => void give({ kind, amountFen }, 'new')}
          data-testid="case-goodwill-submit"
        >
          {beyond ? t('cases.goodwill.ask') : t('cases.goodwill.give')}
        </Button>
      </Space.Compact>
      {beyond && <div className="muted case-goodwill-hint">{t('cases.goodwill.beyondHint')}</div>}
      {item.compensations.length > 0 && (
        <div className="case-goodwill-list" data-testid="case-goodwill-list">
          {item.compensations.map((c) => (
            <div key={c.id} className="case-goodwill-item" data-testid="case-compensation" data-status={c.status}>
              <span>
                {words.compensation(c.kind)} <strong>{formatFen(c.amountFen)}</strong>
              </span>
              <Tag color={STATUS_COLOR[c.status]}>{t(`cases.goodwill.status.${c.status}`)}</Tag>
              <Tooltip title={c.decisionNote}>
                <span className="muted case-goodwill-who">
                  {c.requestedBy.name} · {dayjs(c.appliedAt ?? c.createdAt).format('MM-DD HH:mm')}
                  {c.decisionNote && ` · ${c.decisionNote}`}
                </span>
              </Tooltip>
              {c.status === 'approved' && c.approvalId && (
                <Button
                  size="small"
                  type="primary"
                  loading={busy === c.id}
                  disabled={!!busy}
                  onClick={() => void give({ kind: c.kind, amountFen: c.amountFen, approvalId: c.approvalId! }, c.id)}
                  data-testid="case-compensation-apply"
                >
                  {t('cases.goodwill.apply')}
                </Button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
