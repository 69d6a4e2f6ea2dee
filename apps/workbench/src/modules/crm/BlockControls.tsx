import type { CustomerCrmView } from '@golddesk/contracts';
import { StopOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, Modal, Popconfirm, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { blockBuyer, unblockBuyer } from './crm.api';

type Blocked = NonNullable<CustomerCrmView['blocked']>;

/** Red banner on a blacklisted buyer: who blocked, why, and (for managers) the way back. */
export function BlockedBanner({ buyerId, blocked }: { buyerId: string; blocked: Blocked }) {
  const may = useCan();
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      className="crm-tip"
      data-testid="customer-blocked"
      title={`${t('crm.blocked')}：${blocked.reason ?? t('crm.noReason')}`}
      description={t('crm.blockedBy', {
        name: blocked.blockedBy.name,
        time: dayjs(blocked.blockedAt).format('YYYY-MM-DD HH:mm'),
      })}
      action={may('crm.block') ? <UnblockButton buyerId={buyerId} /> : undefined}
    />
  );
}

export function UnblockButton({ buyerId, onDone }: { buyerId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Popconfirm
      title={t('crm.unblockTitle')}
      description={<div style={{ maxWidth: 240 }}>{t('crm.unblockHint')}</div>}
      onConfirm={() =>
        unblockBuyer(buyerId)
          .then(() => onDone?.())
          .catch((error: unknown) => void message.error(errorMessage(error)))
      }
      okButtonProps={{ 'data-testid': 'customer-unblock-confirm' } as ButtonProps}
    >
      <Button size="small" data-testid="customer-unblock">
        {t('crm.unblock')}
      </Button>
    </Popconfirm>
  );
}

/** 加入黑名单 with a reason and a clear word on what it does. */
export function BlockButton({ buyerId, nick }: { buyerId: string; nick: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    blockBuyer(buyerId, reason.trim())
      .then(() => setOpen(false))
      .catch((error: unknown) => void message.error(errorMessage(error)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button danger size="small" icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="customer-block">
        {t('crm.block')}
      </Button>
      <Modal
        open={open}
        title={t('crm.blockTitle', { nick })}
        okText={t('crm.block')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'customer-block-confirm' } as ButtonProps}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('crm.blockHint')}</p>
        <Input.TextArea
          value={reason}
          maxLength={200}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('crm.blockReason')}
          onChange={(event) => setReason(event.target.value)}
          data-testid="customer-block-reason"
        />
      </Modal>
    </>
  );
}
