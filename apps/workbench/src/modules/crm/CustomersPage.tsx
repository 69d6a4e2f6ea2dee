import type { ListCustomersResponse, SegmentFilter, SegmentView } from '@golddesk/contracts';
import { can } from '@golddesk/contracts';
import { DeleteOutlined, FilterOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, Menu, Modal, Popconfirm } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { navigate, paths, useRouteParam } from '../../platform/navigation';
import type { Session } from '../../platform/session';
import { deleteSegment, listCustomers, listSegments, saveSegment, type CustomerListParams } from './crm.api';
import { CustomerDrawer } from './CustomerDrawer';
import { CustomerFilterForm } from './CustomerFilterForm';
import { CustomerTable } from './CustomerTable';
import { loadShopTags } from './tag.store';
import './crm.locales';
import './crm.css';

const ALL = 'all';
const BLACKLIST = 'blacklist';
const BLACKLIST_FILTER: SegmentFilter = { blocked: true };
const NO_FILTER: SegmentFilter = {};

/**
 * 客户: saved segments (客户分群) on the left, a filter to build one, the matching buyers, and a 360 drawer per buyer
 * (/customers/:buyerId).
 */
export function CustomersPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const mayManage = can(session, 'crm.manage_segments');
  const [segments, setSegments] = useState<SegmentView[]>([]);
  const [selected, setSelected] = useState<string>(ALL);
  const [params, setParams] = useState<CustomerListParams>({
    filter: NO_FILTER,
    sort: 'last_order',
    order: 'desc',
    page: 1,
    pageSize: 20,
  });
  const [data, setData] = useState<ListCustomersResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The buyer in the drawer is in the address (/customers/:buyerId): a colleague's link opens it.
  const open = useRouteParam('buyerId');
  const [naming, setNaming] = useState<{ filter: SegmentFilter; name: string } | null>(null);

  const refreshSegments = useCallback(
    () =>
      listSegments()
        .then(setSegments)
        .catch((e: unknown) => setError(errorMessage(e))),
    [],
  );
  useEffect(() => {
    void refreshSegments();
    void loadShopTags(true);
  }, [refreshSegments]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listCustomers(params, controller.signal)
      .then((answer) => {
        setData(answer);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [params]);

  const select = (key: string) => {
    setSelected(key);
    const filter =
      key === ALL ? NO_FILTER : key === BLACKLIST ? BLACKLIST_FILTER : (segments.find((s) => s.id === key)?.filter ?? NO_FILTER);
    setParams((p) => ({ ...p, filter, page: 1 }));
  };

  const segment = segments.find((s) => s.id === selected);
  const save = async () => {
    if (!naming?.name.trim()) return;
    try {
      const saved = await saveSegment(naming.name.trim(), naming.filter);
      setNaming(null);
      await refreshSegments();
      setSelected(saved.id);
      setParams((p) => ({ ...p, filter: saved.filter, page: 1 }));
      void message.success(t('crm.segmentSaved', { name: saved.name }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const update = (filter: SegmentFilter) => {
    if (!segment) return;
    saveSegment(segment.name, filter, segment.id)
      .then(async (saved) => {
        await refreshSegments();
        setParams((p) => ({ ...p, filter: saved.filter, page: 1 }));
        void message.success(t('crm.segmentSaved', { name: saved.name }));
      })
      .catch((e: unknown) => void message.error(errorMessage(e)));
  };
  const remove = (s: SegmentView) =>
    deleteSegment(s.id)
      .then(async () => {
        await refreshSegments();
        if (selected === s.id) select(ALL);
      })
      .catch((e: unknown) => void message.error(errorMessage(e)));

  const menuItems = [
    { key: ALL, icon: <TeamOutlined />, label: <span data-testid="segment-all">{t('crm.allCustomers')}</span> },
    {
      type: 'group' as const,
      label: t('crm.segments'),
      children: segments.map((s) => ({
        key: s.id,
        icon: <FilterOutlined />,
        label: (
          <span data-testid="segment-item" data-segment-id={s.id} style={{ display: 'flex', justifyContent: 'space-between' }}>
            <span className="crm-ellipsis">{s.name}</span>
            {mayManage && (
              <Popconfirm title={t('crm.deleteSegment', { name: s.name })} onConfirm={() => void remove(s)}>
                <DeleteOutlined onClick={(event) => event.stopPropagation()} style={{ color: 'rgba(0,0,0,0.35)' }} />
              </Popconfirm>
            )}
          </span>
        ),
      })),
    },
    { type: 'divider' as const },
    { key: BLACKLIST, icon: <StopOutlined />, label: <span data-testid="segment-blacklist">{t('crm.blacklist')}</span> },
  ];

  return (
    <main className="crm-page" data-testid="page-customers">
      <aside className="crm-sider">
        <Menu mode="inline" selectedKeys={[selected]} items={menuItems} onClick={({ key }) => select(key)} />
      </aside>
      <section className="crm-main">
        <CustomerFilterForm
          filter={params.filter}
          onSearch={(filter) => setParams((p) => ({ ...p, filter, page: 1 }))}
          actions={(current) =>
            mayManage && (
              <>
                <Button onClick={() => setNaming({ filter: current(), name: '' })} data-testid="segment-save">
                  {t('crm.saveSegment')}
                </Button>
                {segment && (
                  <Button onClick={() => update(current())} data-testid="segment-update">
                    {t('crm.updateSegment')}
                  </Button>
                )}
              </>
            )
          }
        />
        {error && <Alert type="error" showIcon title={error} />}
        <CustomerTable
          data={data}
          loading={loading}
          params={params}
          showHeld={selected === BLACKLIST || params.filter.blocked === true}
          onChange={(changes) => setParams((p) => ({ ...p, ...changes }))}
          onOpen={(row) => navigate(paths.customer(row.id))}
        />
      </section>
      <CustomerDrawer
        buyerId={open}
        conversationId={data?.customers.find((row) => row.id === open)?.conversationId}
        onClose={() => navigate(paths.page('customers'))}
      />
      <Modal
        open={!!naming}
        title={t('crm.saveSegment')}
        onOk={() => void save()}
        onCancel={() => setNaming(null)}
        okButtonProps={{ disabled: !naming?.name.trim() }}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={30}
          placeholder={t('crm.segmentName')}
          value={naming?.name ?? ''}
          onChange={(event) => setNaming((n) => (n ? { ...n, name: event.target.value } : n))}
          onPressEnter={() => void save()}
          data-testid="segment-name"
        />
      </Modal>
    </main>
  );
}
