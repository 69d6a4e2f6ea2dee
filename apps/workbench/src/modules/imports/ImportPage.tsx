import type { ImportKind, ImportRowError } from '@golddesk/contracts';
import { DownloadOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Segmented, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useStore } from '../../platform/store';
import { fileType, getImport, startImport } from './import.api';
import './import.locales';
import { importStore, putImport } from './import.store';
import { downloadTemplate } from './import-template';

/** Frames drive the bar; this poll only covers a stream that is down or on another process's Redis hiccup. */
const POLL_MS = 2000;
const MAX_SHOWN_ERRORS = 1000;

/** 导入: pick orders, products or reviews, upload a CSV/xlsx file, watch its progress, then see the rows that failed. */
export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const current = useStore(importStore, (all) => (importId ? all[importId] : undefined));
  const running = current?.status === 'running';

  useEffect(() => {
    if (!importId || !running) return;
    const controller = new AbortController();
    const timer = window.setInterval(() => {
      getImport(importId, controller.signal)
        .then(putImport)
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [importId, running]);

  async function upload() {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const view = await startImport(kind, file);
      putImport(view);
      setImportId(view.id);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setUploading(false);
    }
  }

  function reset() {
    setImportId(null);
    setFile(null);
    setError(null);
  }

  const columns = useMemo<TableColumnsType<ImportRowError>>(
    () => [
      { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 96 },
      { key: 'reason', title: t('imports.reason'), dataIndex: 'reason' },
    ],
    [t],
  );
  const kindLabel = t(`imports.${kind}`);
  const percent = current && current.total > 0 ? Math.floor((current.processed / current.total) * 100) : 0;

  return (
    <main className="team-page" data-testid="import-page">
      <Card
        className="team-card"
        variant="borderless"
        title={
          <span className="team-title">
            <ImportOutlined /> {t('imports.title')}
          </span>
        }
      >
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('imports.hint')}</Typography.Text>
          <Space wrap size="middle">
            <span>{t('imports.kind')}</span>
            <Segmented<ImportKind>
              value={kind}
              disabled={running || uploading}
              onChange={(value) => setKind(value)}
              options={[
                { value: 'orders', label: t('imports.orders') },
                { value: 'products', label: t('imports.products') },
                { value: 'reviews', label: t('imports.reviews') },
              ]}
              data-testid="import-kind"
            />
            <Button type="link" icon={<DownloadOutlined />} onClick={() => downloadTemplate(kind)} data-testid="import-template">
              {t('imports.template', { kind: kindLabel })}
            </Button>
          </Space>
          <Space wrap size="middle">
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              disabled={running || uploading}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              onRemove={() => setFile(null)}
              beforeUpload={(picked) => {
                if (!fileType(picked)) setError(t('imports.unsupported'));
                else {
                  setError(null);
                  setFile(picked);
                }
                return false; // uploaded by the button below, as a raw body
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="import-choose">
                {t('imports.choose')}
              </Button>
            </Upload>
            <Button
              type="primary"
              disabled={!file || running}
              loading={uploading}
              onClick={() => void upload()}
              data-testid="import-start"
            >
              {t('imports.start')}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
          {current && (
            <div data-testid="import-progress" data-status={current.status}>
              <Progress
                percent={percent}
                status={current.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
                strokeColor={running ? '#ff6a00' : undefined}
              />
              <Typography.Text type="secondary">
                {running ? `${t('imports.running')} ` : ''}
                {t('imports.progress', { processed: current.processed, total: current.total })}
              </Typography.Text>
            </div>
          )}
          {current && !running && (
            <Alert
              type={current.status === 'failed' ? 'error' : current.failed > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="import-summary"
              message={`${t(current.status === 'failed' ? 'imports.failed' : 'imports.done')}${current.fileName ? ` · ${current.fileName}` : ''}`}
              description={
                <>
                  <div>{t('imports.summary', current)}</div>
                  <div>{t('imports.counts', current)}</div>
                  {current.failureReason && <div>{current.failureReason}</div>}
                </>
              }
              action={
                <Button size="small" onClick={reset}>
                  {t('imports.again')}
                </Button>
              }
            />
          )}
          {current && current.errors.length > 0 && (
            <Table<ImportRowError>
              size="small"
              rowKey="line"
              title={() => (
                <Typography.Text strong>
                  {t('imports.errorsTitle')} ({current.failed})
                  {current.failed > MAX_SHOWN_ERRORS ? ` · ${t('imports.errorsMore', { count: MAX_SHOWN_ERRORS })}` : ''}
                </Typography.Text>
              )}
              columns={columns}
              dataSource={current.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="import-errors"
            />
          )}
        </Space>
      </Card>
    </main>
  );
}
