import { UploadOutlined } from '@ant-design/icons';
import type { QuickReplyImportResult, QuickReplyScope } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Modal, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { importQuickReplies } from './quick-replies.api';

/** Upload a CSV/xlsx of phrases into one scope; shows the counts and every refused line with its reason. */
export function QuickReplyImportModal({
  scope,
  open,
  onClose,
  onImported,
}: {
  scope: QuickReplyScope;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [result, setResult] = useState<QuickReplyImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await importQuickReplies(scope, file));
      onImported();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`${t('quickReplies.importTitle')} · ${t(scope === 'team' ? 'quickReplies.team' : 'quickReplies.mine')}`}
      open={open}
      onCancel={() => {
        setResult(null);
        onClose();
      }}
      footer={null}
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('quickReplies.importHint')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        loading={busy}
        onClick={() => fileInput.current?.click()}
        data-testid="quick-reply-import-choose"
      >
        {t('quickReplies.importChoose')}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.xlsx"
        hidden
        data-testid="quick-reply-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void run(file);
          event.target.value = '';
        }}
      />
      {result && (
        <div className="qr-import-result" data-testid="quick-reply-import-result">
          <Alert type={result.failed ? 'warning' : 'success'} showIcon title={t('quickReplies.importSummary', result)} />
          {result.errors.length > 0 && (
            <Table
              size="small"
              rowKey="line"
              title={() => t('quickReplies.importErrors')}
              dataSource={result.errors}
              pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('quickReplies.line'), dataIndex: 'line', width: 80 },
                { title: t('quickReplies.reason'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
