import { formatFen, REMINDER_TASK_OUTCOMES, type ReminderTaskOutcome, type ReminderTaskView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import type { Session } from '../../platform/session';
import { assignReminderTask, fetchReminderTasks, recordReminderOutcome } from './reminders.api';

const OUTCOME_COLORS: Record<ReminderTaskOutcome, string> = {
  paid: 'green',
  will_pay: 'blue',
  not_interested: 'default',
  no_answer: 'orange',
};
/** Call windows are China time; shown as such whatever the browser's zone. */
const chinaTime = (iso: string, format: string) =>
  dayjs(Date.parse(iso) + 8 * 3600_000 + new Date().getTimezoneOffset() * 60_000).format(format);

/** 电话/短信催付 tasks for support agents: take one, call in its window, record the outcome. */
export function ReminderTasks({ session }: { session: Session }) {
  const { t } = useTranslation();
  const word = useServerText();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [tasks, setTasks] = useState<ReminderTaskView[] | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      fetchReminderTasks(status, signal)
        .then((list) => {
          setTasks(list);
          setError(null);
        })
        .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
    },
    [status],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function act(task: ReminderTaskView, run: () => Promise<ReminderTaskView>, done?: string) {
    setBusy(task.id);
    try {
      const updated = await run();
      setTasks((list) => (list ?? []).map((x) => (x.id === updated.id ? updated : x)).filter((x) => x.status === status));
      if (done) void message.success(done);
    } catch (caught) {
      setError(errorMessage(caught));
      load();
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      size="small"
      title={t('reminders.tasks')}
      style={{ marginBottom: 16 }}
      data-testid="reminder-tasks"
      extra={
        <Segmented
          size="small"
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'done')}
          options={[
            { value: 'open', label: t('reminders.open') },
            { value: 'done', label: t('reminders.done') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('reminders.tasksHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} closable onClose={() => setError(null)} />}
      <Table<ReminderTaskView>
        size="small"
        rowKey="id"
        loading={!tasks && !error}
        dataSource={tasks ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('reminders.noTasks') }}
        onRow={(task) => ({ 'data-testid': `reminder-task-${task.orderNo}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('reminders.order'),
            key: 'order',
            render: (_, task) => (
              <Space direction="vertical" size={0}>
                <Typography.Text copyable>{task.orderNo}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatFen(task.totalFen)} · {t('reminders.sent', { count: task.remindersSent })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('reminders.buyer'),
            key: 'buyer',
            render: (_, task) => (
              <Space direction="vertical" size={0}>
                <span>
                  {task.buyer.nick}
                  {task.buyer.vipLevel > 0 && (
                    <Tag color="gold" style={{ marginLeft: 4 }}>
                      VIP{task.buyer.vipLevel}
                    </Tag>
                  )}
                </span>
                {task.buyer.phone && <Typography.Text type="secondary">{task.buyer.phone}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('reminders.reason'), key: 'reason', render: (_, task) => word(task.reason, task.reasonText) },
          {
            title: t('reminders.window'),
            key: 'window',
            render: (_, task) => `${chinaTime(task.dueAt, 'MM-DD HH:mm')}–${chinaTime(task.windowEndAt, 'HH:mm')}`,
          },
          {
            title: status === 'open' ? t('reminders.assignee') : t('reminders.outcome'),
            key: 'work',
            width: 360,
            render: (_, task) =>
              task.status === 'done' ? (
                <Space direction="vertical" size={0}>
                  {task.outcome ? (
                    <Tag color={OUTCOME_COLORS[task.outcome]}>{t(`reminders.outcomes.${task.outcome}`)}</Tag>
                  ) : (
                    <Tag>{task.note}</Tag>
                  )}
                  {task.outcome && task.note && <Typography.Text>{task.note}</Typography.Text>}
                  <Typography.Text type="secondary">
                    {t('reminders.doneBy', {
                      name: task.doneBy ?? '',
                      time: task.doneAt ? chinaTime(task.doneAt, 'MM-DD HH:mm') : '',
                    })}
                  </Typography.Text>
                </Space>
              ) : (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space>
                    {task.assignee ? <Tag color="blue">{task.assignee.name}</Tag> : <Tag>{t('reminders.unassigned')}</Tag>}
                    {task.assignee?.id !== session.agent.id && (
                      <Button
                        size="small"
                        loading={busy === task.id}
                        onClick={() => void act(task, () => assignReminderTask(task.id))}
                        data-testid={`task-assign-${task.id}`}
                      >
                        {t('reminders.assignToMe')}
                      </Button>
                    )}
                  </Space>
                  <Input
                    size="small"
                    maxLength={500}
                    placeholder={t('reminders.note')}
                    value={notes[task.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [task.id]: e.target.value })}
                    data-testid={`task-note-${task.id}`}
                  />
                  <Space size={4} wrap>
                    {REMINDER_TASK_OUTCOMES.map((outcome) => (
                      <Button
                        key={outcome}
                        size="small"
                        disabled={busy === task.id}
                        data-testid={`task-outcome-${outcome}-${task.id}`}
                        onClick={() =>
                          void act(
                            task,
                            () => recordReminderOutcome(task.id, outcome, notes[task.id]),
                            t('reminders.recorded', { outcome: t(`reminders.outcomes.${outcome}`) }),
                          )
                        }
                      >
                        {t(`reminders.outcomes.${outcome}`)}
                      </Button>
                    ))}
                  </Space>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
