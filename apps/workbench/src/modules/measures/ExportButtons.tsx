import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { downloadExport, type ExportTable, type MeasureFilter } from './measures.api';

interface ExportButtonsProps {
  /** The table to export: figures (grouped) or one kind of facts. */
  what: ExportTable;
  filter: MeasureFilter;
  /** Prefix of the buttons' test ids (`<testId>-csv`, `<testId>-xlsx`). */
  testId: string;
}

/** 导出 CSV · 导出 Excel: the server writes the file (the whole table, not just the page shown). */
export function ExportButtons({ what, filter, testId }: ExportButtonsProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);

  async function save(format: 'csv' | 'xlsx') {
    setBusy(format);
    try {
      const file = await downloadExport(what, filter, format);
      void message.success(t('measures.export.done', { file }));
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space size={4}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === format}
          onClick={() => void save(format)}
          data-testid={`${testId}-${format}`}
        >
          {t(`measures.export.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
