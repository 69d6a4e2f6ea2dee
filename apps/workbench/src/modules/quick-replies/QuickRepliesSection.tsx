import { DeleteOutlined, DownloadOutlined, EditOutlined, PictureOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { can, rankQuickReplies, type QuickReplyScope, type QuickReplyView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Dropdown, Input, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { invalidateQuickReplyCache } from './picker/use-quick-reply-picker';
import { QuickReplyEditor } from './QuickReplyEditor';
import { QuickReplyImportModal } from './QuickReplyImportModal';
import { deleteQuickReply, exportQuickReplies, listQuickReplies } from './quick-replies.api';
import './quick-replies.locales';
import './quick-replies.css';

interface Row extends QuickReplyView {
  /** Rows of the same 分组 share one group cell: the first spans them, the rest hide it. */
  groupSpan: number;
}

/** Groups in the order they were created (未分组 last), then by code; each group's first row carries the group cell's row span. */
function groupRows(phrases: QuickReplyView[]): Row[] {
  const firstAt = new Map<string, string>();
  for (const p of phrases) if (!firstAt.has(p.group) || p.createdAt < firstAt.get(p.group)!) firstAt.set(p.group, p.createdAt);
  const sorted = [...phrases].sort(
    (a, b) =>
      (a.group === '' ? 1 : 0) - (b.group === '' ? 1 : 0) ||
      firstAt.get(a.group)!.localeCompare(firstAt.get(b.group)!) ||
      a.group.localeCompare(b.group, 'zh-CN') ||
      (a.code ?? '').localeCompare(b.code ?? '', 'zh-CN'),
  );
  return sorted.map((phrase, i) => {
    if (i > 0 && sorted[i - 1]!.group === phrase.group) return { ...phrase, groupSpan: 0 };
    let span = 1;
    while (sorted[i + span]?.group === phrase.group) span++;
    return { ...phrase, groupSpan: span };
  });
}

/** 快捷短语: team and personal phrases by group, search, add/edit/delete, import and export, use counts. */
export function QuickRepliesSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [scope, setScope] = useState<QuickReplyScope>('team');
  const [phrases, setPhrases] = useState<QuickReplyView[]>([]);
  const [loading, setLoading] = useState(true);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ phrase: QuickReplyView | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const mayEdit = scope === 'personal' || can(session, 'quick_replies.edit_team');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setPhrases(await listQuickReplies(scope));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  }, [scope, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = () => {
    invalidateQuickReplyCache();
    void load();
  };

  const rows = useMemo(() => groupRows(query.trim() ? rankQuickReplies(phrases, query) : phrases), [phrases, query]);
  const groups = useMemo(() => [...new Set(phrases.map((p) => p.group))], [phrases]);

  const remove = async (phrase: QuickReplyView) => {
    try {
      await deleteQuickReply(phrase.id);
      void message.success(t('quickReplies.deleted'));
      changed();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('quickReplies.group'),
      dataIndex: 'group',
      width: 140,
      onCell: (row) => ({ rowSpan: row.groupSpan }),
      render: (group: string, row) => (
        <span className="qr-group-cell" data-testid="quick-reply-group-cell">
          {group || t('quickReplies.ungrouped')} <span className="qr-group-count">{row.groupSpan}</span>
        </span>
      ),
    },
    {
      title: t('quickReplies.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string | null) =>
        code ? <Tag color="orange">/{code}</Tag> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('quickReplies.content'),
      dataIndex: 'content',
      render: (content: string, row) => (
        <div className="qr-content-cell">
          <span>{content}</span>
          {row.imageUrl && (
            <span className="qr-content-image">
              <PictureOutlined /> <img src={row.imageUrl} alt="" />
            </span>
          )}
        </div>
      ),
    },
    {
      title: t('quickReplies.uses'),
      width: 130,
      render: (_: unknown, row) => (
        <span data-testid="quick-reply-uses">{t('quickReplies.usesValue', { mine: row.myUses, team: row.teamUses })}</span>
      ),
    },
    ...(mayEdit
      ? [
          {
            title: t('quickReplies.actions'),
            width: 110,
            render: (_: unknown, row: Row) =>
              row.editable && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ phrase: row })}
                    aria-label={t('quickReplies.edit')}
                    data-testid="quick-reply-edit"
                  />
                  <Popconfirm title={t('quickReplies.deleteConfirm')} onConfirm={() => void remove(row)}>
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('quickReplies.delete')}
                      data-testid="quick-reply-delete"
                    />
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const exportMenu = {
    items: [
      { key: 'xlsx', label: t('quickReplies.exportXlsx') },
      { key: 'csv', label: t('quickReplies.exportCsv') },
    ],
    onClick: ({ key }: { key: string }) =>
      void exportQuickReplies(key as 'csv' | 'xlsx', scope).catch((e: unknown) => void message.error(errorMessage(e))),
  };

  return (
    <div className="qr-section" data-testid="quick-replies-section">
      <Typography.Paragraph type="secondary" className="qr-hint">
        {t('quickReplies.hint')}
      </Typography.Paragraph>
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as QuickReplyScope)}
        items={[
          { key: 'team', label: <span data-testid="quick-replies-tab-team">{t('quickReplies.team')}</span> },
          { key: 'personal', label: <span data-testid="quick-replies-tab-personal">{t('quickReplies.mine')}</span> },
        ]}
      />
      {!mayEdit && <Alert className="qr-readonly" type="info" showIcon title={t('quickReplies.readOnly')} />}
      <div className="qr-toolbar">
        <Input.Search
          allowClear
          placeholder={t('quickReplies.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 260 }}
          data-testid="quick-replies-search"
        />
        <Space>
          {mayEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ phrase: null })}
              data-testid="quick-reply-add"
            >
              {t('quickReplies.add')}
            </Button>
          )}
          {mayEdit && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="quick-reply-import">
              {t('quickReplies.import')}
            </Button>
          )}
          <Dropdown menu={exportMenu}>
            <Button icon={<DownloadOutlined />} data-testid="quick-reply-export">
              {t('quickReplies.export')}
            </Button>
          </Dropdown>
        </Space>
      </div>
      <Table<Row>
        rowKey="id"
        size="middle"
        bordered
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: t('quickReplies.empty') }}
        data-testid="quick-replies-table"
      />
      <QuickReplyEditor
        open={editing !== null}
        phrase={editing?.phrase ?? null}
        scope={scope}
        groups={groups}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <QuickReplyImportModal scope={scope} open={importing} onClose={() => setImporting(false)} onImported={changed} />
    </div>
  );
}
