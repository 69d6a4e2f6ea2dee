import { can, statusWord, type TaskKind, type TaskView } from '@golddesk/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import type { Session } from '../../platform/session';
import { CompleteTaskModal } from './CompleteTaskModal';
import { useTaskChanges } from './task.store';
import { listTasks, type TaskQuery } from './tasks.api';
import './tasks.locales';
import './tasks.css';

const KIND_COLOR: Record<TaskKind, string> = {
  warehouse_ship: 'cyan',
  finance_refund: 'purple',
  finance_compensation: 'magenta',
  qc_inspect: 'orange',
  follow_up_call: 'blue',
  review_follow_up: 'volcano',
  payment_call: 'gold',
};

interface TaskInboxProps {
  session: Session;
  /** Opens the task's case (the case view). */
  onOpenCase: (caseId: string) => void;
}

/** 协同任务: my (and my role's) tasks, or the shop's for managers; 完成 records the parcel, the finding or a note. */
export function TaskInbox({ session, onOpenCase }: TaskInboxProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const word = useServerText();
  const [query, setQuery] = useState<Required<Pick<TaskQuery, 'scope' | 'status'>>>({ scope: 'mine', status: 'open' });
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [completing, setCompleting] = useState<TaskView | null>(null);
  const changes = useTaskChanges();
  const managers = can(session, 'approvals.decide');

  const load = useCallback(
    (signal?: AbortSignal) =>
      listTasks(query, signal)
        .then((list) => {
          setTasks(list);
          setError(null);
        })
        .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught))),
    [query],
  );
  // A task.updated frame (or our own 完成) re-reads the list, a little later so a burst of frames costs one call.
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => void load(controller.signal), changes ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [load, changes]);

  const columns: TableColumnsType<TaskView> = [
    {
      key: 'kind',
      title: t('tasks.kind'),
      width: 150,
      render: (_, task) => <Tag color={KIND_COLOR[task.kind]}>{statusWord('task', task.kind, language)}</Tag>,
    },
    { key: 'title', title: t('tasks.title'), ellipsis: true, render: (_, task) => word(task.title, task.titleText) },
    {
      key: 'case',
      title: t('tasks.case'),
      width: 170,
      render: (_, task) =>
        task.caseId ? (
          <Typography.Link onClick={() => onOpenCase(task.caseId!)} data-testid="task-case-link">
            {task.caseNo}
          </Typography.Link>
        ) : (
          <span className="muted">{task.orderNo ?? '—'}</span>
        ),
    },
    {
      key: 'assignee',
      title: t('tasks.assignee'),
      width: 110,
      render: (_, task) =>
        task.assigneeName ?? <span className="muted">{t(`tasks.inbox.${task.role}`, { defaultValue: task.role })}</span>,
    },
    {
      key: 'due',
      title: query.status === 'open' ? t('tasks.due') : t('tasks.done'),
      width: 130,
      render: (_, task) =>
        task.status === 'open' ? (
          <span className={task.overdue ? 'task-overdue' : undefined} data-testid="task-due" data-overdue={task.overdue}>
            {dayjs(task.dueAt).format('MM-DD HH:mm')}
            {task.overdue && <div>{t('tasks.overdue')}</div>}
          </span>
        ) : (
          <span>
            {task.doneAt ? dayjs(task.doneAt).format('MM-DD HH:mm') : ''} <span className="muted">{task.doneBy}</span>
          </span>
        ),
    },
    {
      key: 'actions',
      title: '',
      width: 100,
      render: (_, task) =>
        task.status === 'open' && (
          <Button size="small" type="primary" ghost onClick={() => setCompleting(task)} data-testid="task-complete">
            {t('tasks.complete')}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="task-inbox">
      <div className="task-toolbar">
        <Space wrap>
          {managers && (
            <Segmented
              value={query.scope}
              onChange={(scope) => setQuery({ ...query, scope: scope as 'mine' | 'all' })}
              options={[
                { value: 'mine', label: t('tasks.scope.mine') },
                { value: 'all', label: t('tasks.scope.all') },
              ]}
            />
          )}
          <Segmented
            value={query.status}
            onChange={(status) => setQuery({ ...query, status: status as 'open' | 'done' })}
            options={[
              { value: 'open', label: t('tasks.status.open') },
              { value: 'done', label: t('tasks.status.done') },
            ]}
          />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} title={t('tasks.refresh')} />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<TaskView>
        size="small"
        rowKey="id"
        loading={!tasks && !error}
        dataSource={tasks ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t(query.status === 'open' ? 'tasks.emptyOpen' : 'tasks.emptyDone') }}
        onRow={(task) =>
          ({ 'data-testid': 'task-row', 'data-task-id': task.id, 'data-kind': task.kind }) as HTMLAttributes<HTMLElement>
        }
      />
      {completing && (
        <CompleteTaskModal
          task={completing}
          onClose={() => setCompleting(null)}
          onDone={(task) => setTasks((list) => (list ?? []).filter((x) => x.id !== task.id))}
        />
      )}
    </div>
  );
}
