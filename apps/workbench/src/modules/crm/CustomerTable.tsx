import { formatFen, type CustomerRow, type ListCustomersResponse } from '@golddesk/contracts';
import { StopOutlined } from '@ant-design/icons';
import { Table, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerListParams } from './crm.api';
import { typeLabel } from './crm-format';

interface CustomerTableProps {
  data: ListCustomersResponse | null;
  loading: boolean;
  params: CustomerListParams;
  /** Adds the 拦截消息 column (黑名单 view). */
  showHeld: boolean;
  onChange: (changes: Partial<CustomerListParams>) => void;
  onOpen: (row: CustomerRow) => void;
}

const SORTS: Record<string, CustomerListParams['sort']> = { lastOrderAt: 'last_order', spentFen: 'spent', orderCount: 'orders' };

/** The buyers of a segment: click a row for the 360 drawer; sort by last order, spend or paid orders. */
export function CustomerTable({ data, loading, params, showHeld, onChange, onOpen }: CustomerTableProps) {
  const { t } = useTranslation();
  const sorted = (key: string) => (SORTS[key] === params.sort ? (params.order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableProps<CustomerRow>['columns'] = [
    {
      title: t('crm.colNick'),
      dataIndex: 'nick',
      render: (nick: string, row) => (
        <span data-testid="customer-row-nick">
          {nick}
          {row.blocked && <StopOutlined style={{ color: '#ff4d4f', marginLeft: 6 }} />}
        </span>
      ),
    },
    {
      title: 'VIP',
      dataIndex: 'vipLevel',
      width: 70,
      render: (level: number) => (level > 0 ? <Tag color="gold">VIP{level}</Tag> : '—'),
    },
    { title: t('crm.colType'), dataIndex: 'customerType', width: 120, render: (type: string | null) => typeLabel(type) || '—' },
    {
      title: t('crm.tags'),
      dataIndex: 'tags',
      render: (tags: CustomerRow['tags']) =>
        tags.map((tag) => (
          <Tag key={tag.id} color={tag.color}>
            {tag.name}
          </Tag>
        )),
    },
    {
      title: t('crm.colOrders'),
      dataIndex: 'orderCount',
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sorted('orderCount'),
    },
    {
      title: t('crm.colSpent'),
      dataIndex: 'spentFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sorted('spentFen'),
      render: (fen: number) => formatFen(fen),
    },
    {
      title: t('crm.colLastOrder'),
      dataIndex: 'lastOrderAt',
      width: 120,
      sorter: true,
      sortOrder: sorted('lastOrderAt'),
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : '—'),
    },
    { title: t('crm.colProvince'), dataIndex: 'province', width: 110, render: (p: string | null) => p ?? '—' },
  ];
  if (showHeld) columns.push({ title: t('crm.colHeld'), dataIndex: 'heldMessages', width: 100, align: 'right' });

  return (
    <Table<CustomerRow>
      className="crm-table"
      size="small"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={data?.customers ?? []}
      onRow={(row) =>
        ({
          onClick: () => onOpen(row),
          style: { cursor: 'pointer' },
          'data-testid': 'customer-row',
          'data-buyer-id': row.id,
        }) as object
      }
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => <span data-testid="customer-total">{t('crm.total', { n })}</span>,
      }}
      onChange={(pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = one?.order ? SORTS[String(one.field)] : undefined;
        onChange({
          page: pagination.pageSize !== params.pageSize ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? params.pageSize,
          sort: key ?? 'last_order',
          order: one?.order === 'ascend' ? 'asc' : 'desc',
        });
      }}
    />
  );
}
