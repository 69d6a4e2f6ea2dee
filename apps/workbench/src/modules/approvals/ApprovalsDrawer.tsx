import type { ApprovalView } from '@golddesk/contracts';
import { App as AntApp, Button, Drawer, Empty, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import { getSession } from '../../platform/session';
import { openCaseView } from '../cases';
import { useStore } from '../../platform/store';
import { decideApproval } from './approval.api';
import { approvalStore } from './approval.store';

interface ApprovalsDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** 审批: requests beyond an agent's authority (改价 over the discount limit, 售后 goodwill), approved or rejected with a note. */
export function ApprovalsDrawer({ open, onClose }: ApprovalsDrawerProps) {
  const { t } = useTranslation();
  const word = useServerText();
  const pending = useStore(approvalStore, (s) => s.pending);
  const closed = useStore(approvalStore, (s) => s.closed);
  return (
    <Drawer open={open} onClose={onClose} size={440} title={t('approvals.title')}>
      <div data-testid="approval-list">
        {pending.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.empty')} />
        ) : (
          pending.map((approval) => <ApprovalItem key={approval.id} approval={approval} />)
        )}
      </div>
      {closed.length > 0 && (
        <div className="approval-closed" data-testid="approval-closed-list">
          <div className="approval-closed-title muted">{t('approvals.closedTitle')}</div>
          {closed.map((approval) => (
            <div
              key={approval.id}
              className="approval-closed-item"
              data-testid="approval-closed-item"
              data-approval-id={approval.id}
            >
              <Tag>{t('approvals.status.cancelled')}</Tag>
              <span className="muted">{approval.orderNo}</span> {word(approval.summary, approval.summaryText)}
              <div className="muted">{approval.decisionNote}</div>
            </div>
          ))}
        </div>
      )}
    </Drawer>
  );
}

function ApprovalItem({ approval }: { approval: ApprovalView }) {
  const { t } = useTranslation();
  const word = useServerText();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  // Four eyes: one's own request waits for the owner or another manager.
  const own = approval.requestedBy.id === getSession()?.agent.id;

  async function decide(decision: 'approve' | 'reject') {
    setBusy(decision);
    try {
      await decideApproval(approval.id, decision, note);
      const done = decision === 'approve' ? 'approvedToast' : 'rejectedToast';
      void message.success(
        approval.caseNo
          ? t(`approvals.case.${done}`, { caseNo: approval.caseNo })
          : t(`approvals.${done}`, { orderNo: approval.orderNo }),
      );
    } catch (caught) {
      void message.error(errorMessage(caught));
      setBusy(null);
    }
  }

  return (
    <div className="approval-item" data-testid="approval-item" data-approval-id={approval.id} data-order-id={approval.orderId}>
      <div className="approval-head">
        <Tag color="orange">{t(`approvals.kind.${approval.kind.replace('.', '_')}`, { defaultValue: approval.kind })}</Tag>
        {approval.caseId && approval.caseNo && (
          // A goodwill request: the case says why (eligibility, complaint, photos) before deciding.
          <Typography.Link onClick={() => openCaseView(approval.caseId!)} data-testid="approval-case">
            {t('approvals.case.caseNo', { caseNo: approval.caseNo })}
          </Typography.Link>
        )}
        <span className="muted">{approval.orderNo}</span>
      </div>
      <div className="approval-summary" data-testid="approval-summary">
        {word(approval.summary, approval.summaryText)}
      </div>
      {approval.reason && (
        <div className="muted">
          {t('approvals.reason')}
          {t('customer.colon')}
          {approval.reason}
        </div>
      )}
      <div className="muted">
        {t('approvals.requestedBy', { name: approval.requestedBy.name, time: dayjs(approval.createdAt).format('MM-DD HH:mm') })}
      </div>
      {own ? (
        <div className="muted" data-testid="approval-own">
          {t('approvals.ownWaits')}
        </div>
      ) : (
        <ApprovalDecision note={note} setNote={setNote} busy={busy} decide={decide} />
      )}
    </div>
  );
}

interface ApprovalDecisionProps {
  note: string;
  setNote: (note: string) => void;
  busy: 'approve' | 'reject' | null;
  decide: (decision: 'approve' | 'reject') => Promise<void>;
}

/** The note and the 通过/驳回 buttons of a request someone else made. */
function ApprovalDecision({ note, setNote, busy, decide }: ApprovalDecisionProps) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        size="small"
        className="approval-note"
        placeholder={t('approvals.note')}
        maxLength={200}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        data-testid="approval-note"
      />
      <Space className="approval-buttons">
        <Button
          size="small"
          danger
          loading={busy === 'reject'}
          disabled={!!busy}
          onClick={() => void decide('reject')}
          data-testid="approval-reject"
        >
          {t('approvals.reject')}
        </Button>
        <Button
          size="small"
          type="primary"
          loading={busy === 'approve'}
          disabled={!!busy}
          onClick={() => void decide('approve')}
          data-testid="approval-approve"
        >
          {t('approvals.approve')}
        </Button>
      </Space>
    </>
  );
}
