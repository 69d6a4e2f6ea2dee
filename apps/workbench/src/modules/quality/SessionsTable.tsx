import { SATISFACTION_LEVELS, type QualitySessionView } from '@golddesk/contracts';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../platform/i18n';
import { scoreColor, shortTime, useHitRuleName } from './quality-view';

interface SessionsTableProps {
  sessions: QualitySessionView[];
  loading: boolean;
  /** Show the agent column (a manager's lists). */
  showAgent: boolean;
  /** What the open button says: 评分 for a manager sampling, 查看 otherwise. */
  action: 'score' | 'open';
  emptyText: string;
  onOpen: (session: QualitySessionView) => void;
}

/** The rules a session hit, each once with how often: 推诿 ×2. */
function HitTags({ session }: { session: QualitySessionView }) {
  const { t } = useTranslation();
  const ruleName = useHitRuleName();
  if (session.hits.length === 0) return <Typography.Text type="secondary">{t('qualityPage.noHits')}</Typography.Text>;
  const counted = new Map<string, { hit: QualitySessionView['hits'][number]; count: number }>();
  for (const hit of session.hits) {
    const seen = counted.get(hit.rule);
    counted.set(hit.rule, { hit, count: (seen?.count ?? 0) + 1 });
  }
  return (
    <span className="quality-hit-tags">
      {[...counted.values()].map(({ hit, count }) => (
        <Tag key={hit.rule} color="red">
          {ruleName(hit)}
          {count > 1 ? ` ×${count}` : ''}
        </Tag>
      ))}
    </span>
  );
}

/** Sessions one per row: buyer, agent, when, replies, automatic score, the rules hit, the buyer's rating, the review. */
export function SessionsTable({ sessions, loading, showAgent, action, emptyText, onOpen }: SessionsTableProps) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const columns: ColumnsType<QualitySessionView> = [
    {
      title: t('qualityPage.col.buyer'),
      key: 'buyer',
      width: 130,
      ellipsis: true,
      render: (_, s) => s.buyer.nick,
    },
    ...(showAgent
      ? [
          {
            title: t('qualityPage.col.agent'),
            key: 'agent',
            width: 100,
            ellipsis: true,
            render: (_: unknown, s: QualitySessionView) => s.agent?.name,
          },
        ]
      : []),
    { title: t('qualityPage.col.startedAt'), key: 'startedAt', width: 110, render: (_, s) => shortTime(s.startedAt) },
    { title: t('qualityPage.col.replies'), dataIndex: 'replies', width: 70, align: 'right' },
    {
      title: t('qualityPage.col.score'),
      key: 'score',
      width: 90,
      render: (_, s) => (
        <Tag color={scoreColor(s.score)} data-testid="row-score">
          {s.score}
        </Tag>
      ),
    },
    { title: t('qualityPage.col.hits'), key: 'hits', render: (_, s) => <HitTags session={s} /> },
    {
      title: t('qualityPage.col.rating'),
      key: 'rating',
      width: 110,
      render: (_, s) => {
        const level = s.rating && SATISFACTION_LEVELS.find((l) => l.score === s.rating!.score);
        return level ? (
          <Tag color={level.score <= 2 ? 'red' : level.score >= 4 ? 'green' : 'default'}>{en ? level.en : level.zh}</Tag>
        ) : null;
      },
    },
    {
      title: t('qualityPage.col.review'),
      key: 'review',
      width: 100,
      render: (_, s) => {
        const latest = s.reviews.at(-1);
        return latest ? (
          <Tooltip title={latest.comment || undefined}>
            <b data-testid="row-review">{latest.total}</b>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('qualityPage.notReviewed')}</Typography.Text>
        );
      },
    },
    {
      key: 'action',
      width: 70,
      render: (_, s) => (
        <Button size="small" type={action === 'score' ? 'primary' : 'default'} onClick={() => onOpen(s)} data-testid="row-open">
          {t(action === 'score' ? 'qualityPage.score' : 'qualityPage.open')}
        </Button>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sessions}
      loading={loading}
      pagination={sessions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText }}
      onRow={(s) =>
        ({ 'data-testid': 'quality-row', 'data-conversation': s.conversationId }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="quality-sessions"
    />
  );
}
