import { AuditOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../platform/store';
import { approvalStore } from './approval.store';
import { ApprovalsDrawer } from './ApprovalsDrawer';

/** The header's 审批 button for owners and managers: the pending count, live, opening the list. */
export function ApprovalEntry() {
  const { t } = useTranslation();
  const count = useStore(approvalStore, (s) => s.pending.length);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<AuditOutlined />}
          onClick={() => setOpen(true)}
          title={t('approvals.entry')}
          className="approval-entry"
          data-testid="nav-approvals"
          data-count={count}
        >
          <span className="approval-entry-text">{t('approvals.entry')}</span>
        </Button>
      </Badge>
      <ApprovalsDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
