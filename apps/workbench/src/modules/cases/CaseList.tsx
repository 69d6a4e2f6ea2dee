import { CaseState, CaseType, type CaseView } from '@golddesk/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { isOpenCase, openCaseView, useCases } from './case.store';
import { STATE_COLOR, useCaseWords } from './case-words';
import { listCases, type CaseQuery } from './cases.api';

/** 我的 (assigned to me) / 团队 (the whole shop) / 已超时 (open and past the deadline). */
export type CaseScope = 'mine' | 'team' | 'overdue';
type Status = 'open' | 'closed';

interface Filter {
  scope: CaseScope;
  status: Status;
  type?: CaseType;
  state?: CaseState;
}

/** The server's query for a filter; the same filter keeps the stored cases (so frames update the table). */
function queryOf(filter: Filter): CaseQuery {
  return {
    assignee: filter.scope === 'mine' ? 'me' : undefined,
    overdue: filter.scope === 'overdue' ? 'true' : undefined,
    status: filter.state ? undefined : filter.scope === 'overdue' ? 'open' : filter.status,
    type: filter.type,
    state: filter.state,
  };
}

function keeps(filter: Filter, me: string) {
  return (item: CaseView) =>
    (filter.scope !== 'mine' || item.assigneeId === me) &&
    (filter.scope !== 'overdue' || (item.overdue && isOpenCase(item))) &&
    (!!filter.state || filter.scope === 'overdue' || isOpenCase(item) === (filter.status === 'open')) &&
    (!filter.type || item.type === filter.type) &&
    (!filter.state || item.state === filter.state);
}

/** The 售后 page's case list: scope tabs, filters by type and state, a table whose rows open the case view. */
export function CaseList({ session }: { session: Session }) {
  const { t } = useTranslation();
  const words = useCaseWords();
  const me = session.agent.id;
  const [filter, setFilter] = useState<Filter>({ scope: 'mine', status: 'open' });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const rows = useCases(`list:${JSON.stringify(filter)}`, keeps(filter, me));

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLoading(true);
      listCases(queryOf(filter), signal)
        .then(() => setError(null))
        .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)))
        .finally(() => !signal?.aborted && setLoading(false));
    },
    [filter],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const change = (patch: Partial<Filter>) => setFilter((current) => ({ ...current, ...patch }));

  const columns: TableColumnsType<CaseView> = [
    { key: 'caseNo', title: t('cases.list.caseNo'), width: 170, render: (_, c) => <span className="case-no">{c.caseNo}</span> },
    { key: 'type', title: t('cases.list.type'), width: 140, render: (_, c) => words.type(c.type) },
    {
      key: 'state',
      title: t('cases.list.state'),
      width: 110,
      render: (_, c) => <Tag color={STATE_COLOR[c.state]}>{words.state(c.state)}</Tag>,
    },
    { key: 'buyer', title: t('cases.list.buyer'), width: 120, ellipsis: true, render: (_, c) => c.buyerName },
    {
      key: 'order',
      title: t('cases.list.order'),
      width: 190,
      render: (_, c) => (
        // Copying the number does not open the case; a click anywhere else on the row does.
        <Typography.Text copyable={{ text: c.orderNo, onCopy: (event) => event?.stopPropagation() }}>{c.orderNo}</Typography.Text>
      ),
    },
    {
      key: 'assignee',
      title: t('cases.list.assignee'),
      width: 100,
      render: (_, c) => c.assigneeName ?? <span className="muted">{t('cases.unassigned')}</span>,
    },
    {
      key: 'deadline',
      title: t('cases.list.deadline'),
      width: 130,
      render: (_, c) => (
        <span className={c.overdue && isOpenCase(c) ? 'case-overdue' : undefined} data-testid="case-list-deadline">
          {dayjs(c.deadlineAt).format('MM-DD HH:mm')}
          {c.overdue && isOpenCase(c) && <div>{t('cases.overdue')}</div>}
        </span>
      ),
    },
    {
      key: 'created',
      title: t('cases.list.created'),
      width: 110,
      render: (_, c) => dayjs(c.createdAt).format('MM-DD HH:mm'),
    },
  ];

  return (
    <div data-testid="case-list">
      <div className="case-list-toolbar">
        <Segmented<CaseScope>
          value={filter.scope}
          onChange={(scope) => change({ scope })}
          options={(['mine', 'team', 'overdue'] as const).map((scope) => ({
            value: scope,
            label: <span data-testid={`case-scope-${scope}`}>{t(`cases.list.scope.${scope}`)}</span>,
          }))}
        />
        <Space wrap>
          {filter.scope !== 'overdue' && !filter.state && (
            <Segmented<Status>
              size="small"
              value={filter.status}
              onChange={(status) => change({ status })}
              options={[
                { value: 'open', label: t('cases.list.open') },
                { value: 'closed', label: t('cases.list.closed') },
              ]}
            />
          )}
          <Select<CaseType>
            allowClear
            placeholder={t('cases.list.allTypes')}
            style={{ width: 140 }}
            value={filter.type}
            onChange={(type) => change({ type })}
            options={CaseType.options.map((value) => ({ value, label: words.type(value) }))}
            data-testid="case-filter-type"
          />
          <Select<CaseState>
            allowClear
            placeholder={t('cases.list.allStates')}
            style={{ width: 140 }}
            value={filter.state}
            onChange={(state) => change({ state })}
            options={CaseState.options.map((value) => ({ value, label: words.state(value) }))}
            data-testid="case-filter-state"
          />
          <Button icon={<ReloadOutlined />} onClick={() => load()} title={t('cases.list.refresh')} />
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} className="case-block" />}
      <Table<CaseView>
        size="small"
        rowKey="id"
        loading={loading && rows.length === 0}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1040 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t(`cases.list.empty.${filter.scope}`) }}
        rowClassName={() => 'case-list-row'}
        onRow={(c) =>
          ({
            onClick: () => openCaseView(c.id),
            'data-testid': 'case-list-row',
            'data-case-id': c.id,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
