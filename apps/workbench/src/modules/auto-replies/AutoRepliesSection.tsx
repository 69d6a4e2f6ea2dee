import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { can, SINGLE_AUTO_REPLY_KINDS, type AutoReplyInput, type AutoReplyKind, type AutoReplyRule } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { deleteAutoReply, fetchAutoReplies, inputOf, saveAutoReply } from './auto-replies.api';
import { HitStats } from './HitStats';
import { defaultsFor, RuleDrawer } from './RuleDrawer';
import './auto-replies.locales';
import './auto-replies.css';

type Editing = (AutoReplyInput & { id?: string }) | null;

/** 自动回复: the one-per-shop rules as cards, keyword rules as a table by priority, each with a switch and its hits. */
export function AutoRepliesSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = can(session, 'auto_replies.edit');
  const [rules, setRules] = useState<AutoReplyRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const load = useCallback((signal?: AbortSignal) => {
    fetchAutoReplies(signal)
      .then(setRules)
      .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    // Hit counts move while buyers chat: refresh now and then.
    const timer = setInterval(() => load(controller.signal), 15_000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [load]);

  async function toggle(rule: AutoReplyRule, enabled: boolean) {
    try {
      const saved = await saveAutoReply({ ...inputOf(rule), enabled }, rule.id);
      setRules((list) => (list ?? []).map((r) => (r.id === saved.id ? saved : r)));
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  async function save(input: AutoReplyInput) {
    const saved = await saveAutoReply(input, editing?.id);
    setRules((list) => [...(list ?? []).filter((r) => r.id !== saved.id), saved]);
    setEditing(null);
    void message.success(t('autoReplies.saved'));
  }

  async function remove(rule: AutoReplyRule) {
    try {
      await deleteAutoReply(rule.id);
      setRules((list) => (list ?? []).filter((r) => r.id !== rule.id));
      void message.success(t('autoReplies.deleted'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  if (!rules) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const keywordRules = rules
    .filter((r) => r.kind === 'keyword')
    .sort((a, b) => a.priority - b.priority || a.updatedAt.localeCompare(b.updatedAt));
  const edit = (rule: AutoReplyRule) => setEditing({ ...inputOf(rule), id: rule.id });
  const actions = (rule: AutoReplyRule, compact = false) =>
    editable && (
      <Space size={0}>
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => edit(rule)}
          title={t('autoReplies.edit')}
          data-testid={`auto-reply-edit-${rule.id}`}
        >
          {!compact && t('autoReplies.edit')}
        </Button>
        <Popconfirm title={t('autoReplies.deleteConfirm')} onConfirm={() => void remove(rule)}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} title={t('autoReplies.delete')}>
            {!compact && t('autoReplies.delete')}
          </Button>
        </Popconfirm>
      </Space>
    );
  const toggleOf = (rule: AutoReplyRule) => (
    <Switch
      size="small"
      checked={rule.enabled}
      disabled={!editable}
      onChange={(on) => void toggle(rule, on)}
      data-testid={`auto-reply-switch-${rule.id}`}
    />
  );

  return (
    <div data-testid="auto-replies">
      <Typography.Paragraph type="secondary">
        {t('autoReplies.intro')}{' '}
        <Button type="link" size="small" icon={<ReloadOutlined />} onClick={() => load()} data-testid="auto-replies-refresh">
          {t('autoReplies.refresh')}
        </Button>
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('autoReplies.readOnly')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <div className="auto-reply-kinds">
        {(SINGLE_AUTO_REPLY_KINDS as AutoReplyKind[]).map((kind) => {
          const rule = rules.find((r) => r.kind === kind);
          return (
            <Card
              key={kind}
              size="small"
              className="auto-reply-card"
              data-testid={`auto-reply-card-${kind}`}
              title={
                <Space>
                  {t(`autoReplies.kinds.${kind}`)}
                  {rule && toggleOf(rule)}
                </Space>
              }
              extra={
                rule
                  ? actions(rule)
                  : editable && (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(defaultsFor(kind, t))}>
                        {t('autoReplies.setUp')}
                      </Button>
                    )
              }
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`autoReplies.kindHints.${kind}`)}
              </Typography.Text>
              {rule ? (
                <>
                  <div className="auto-reply-text">{rule.text}</div>
                  <HitStats stats={rule.stats} />
                </>
              ) : (
                <Typography.Text type="secondary">{t('autoReplies.notSet')}</Typography.Text>
              )}
            </Card>
          );
        })}
      </div>
      <Card
        size="small"
        title={
          <Space>
            {t('autoReplies.kinds.keyword')}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('autoReplies.kindHints.keyword')}
            </Typography.Text>
          </Space>
        }
        extra={
          editable && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing(defaultsFor('keyword', t))}
              data-testid="auto-reply-add-keyword"
            >
              {t('autoReplies.addKeyword')}
            </Button>
          )
        }
      >
        <Table<AutoReplyRule>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={keywordRules}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          onRow={(rule) => ({ 'data-testid': `auto-reply-row-${rule.name}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('autoReplies.priority'), dataIndex: 'priority', width: 64 },
            { title: t('autoReplies.drawer.name'), dataIndex: 'name', width: 100 },
            {
              title: t('autoReplies.keywords'),
              width: 190,
              render: (_, rule) => (
                <>
                  {rule.keywords.map((k) => (
                    <Tag key={k} color="gold">
                      {k}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`autoReplies.match.${rule.match}`)}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('autoReplies.drawer.text'), dataIndex: 'text', ellipsis: true },
            {
              title: t('autoReplies.hits'),
              width: 130,
              render: (_, rule) => <HitStats compact stats={rule.stats} testId={`auto-reply-hits-${rule.name}`} />,
            },
            { title: t('autoReplies.enabled'), width: 60, render: (_, rule) => toggleOf(rule) },
            { title: '', width: 76, render: (_, rule) => actions(rule, true) },
          ]}
        />
      </Card>
      <RuleDrawer value={editing} open={!!editing} onClose={() => setEditing(null)} onSave={save} />
    </div>
  );
}
