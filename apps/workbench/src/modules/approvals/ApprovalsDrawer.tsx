import type { ApprovalView } from '@golddesk/contracts';
import { App as AntApp, Button, Drawer, Empty, Input, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useStore } from '../../platform/store';
import { decideApproval } from './approval.api';
import { approvalStore } from './approval.store';

interface ApprovalsDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** 审批: requests beyond an agent's authority (改价 over the discount limit), approved or rejected with a note. */
export function ApprovalsDrawer({ open, onClose }: ApprovalsDrawerProps) {
  const { t } = useTranslation();
  const pending = useStore(approvalStore, (s) => s.pending);
  return (
    <Drawer open={open} onClose={onClose} size={440} title={t('approvals.title')}>
      <div data-testid="approval-list">
        {pending.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.empty')} />
        ) : (
          pending.map((approval) => <ApprovalItem key={approval.id} approval={approval} />)
        )}
      </div>
    </Drawer>
  );
}

function ApprovalItem({ approval }: { approval: ApprovalView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);

  async function decide(decision: 'approve' | 'reject') {
    setBusy(decision);
    try {
      await decideApproval(approval.id, decision, note);
      void message.success(t(decision === 'approve' ? 'approvals.approvedToast' : 'approvals.rejectedToast', { orderNo: approval.orderNo }));
    } catch (caught) {
      void message.error(errorMessage(caught));
      setBusy(null);
    }
  }

  return (
    <div className="approval-item" data-testid="approval-item" data-approval-id={approval.id} data-order-id={approval.orderId}>
      <div className="approval-head">
        <Tag color="orange">{t(`approvals.kind.${approval.kind.replace('.', '_')}`, { defaultValue: approval.kind })}</Tag>
        <span className="muted">{approval.orderNo}</span>
      </div>
      <div className="approval-summary" data-testid="approval-summary">
        {approval.summary}
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
        <Button size="small" danger loading={busy === 'reject'} disabled={!!busy} onClick={() => void decide('reject')} data-testid="approval-reject">
          {t('approvals.reject')}
        </Button>
        <Button size="small" type="primary" loading={busy === 'approve'} disabled={!!busy} onClick={() => void decide('approve')} data-testid="approval-approve">
          {t('approvals.approve')}
        </Button>
      </Space>
    </div>
  );
}
