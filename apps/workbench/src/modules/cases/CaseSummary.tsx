import { formatFen, type AgentView, type CaseView, type OrderView } from '@golddesk/contracts';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Descriptions, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import { getSession } from '../../platform/session';
import { useCan } from '../../platform/use-can';
import { fetchOrder, listAgents, updateCase } from './cases.api';

let agentsLoading: Promise<AgentView[]> | null = null;
/** The shop's agents, once per session (the assignee select). */
function loadAgents(): Promise<AgentView[]> {
  agentsLoading ??= listAgents().catch((error: unknown) => {
    agentsLoading = null;
    throw error;
  });
  return agentsLoading;
}

/** The case's head: who has it and until when, what the policy says, the order and its lines, the parcels. */
export function CaseSummary({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const word = useServerText();
  const { message } = AntApp.useApp();
  const eligibility = item.eligibility;
  const may = useCan();
  const editAddress = may('cases.work') && !!item.returnAddress;

  async function saveAddress(returnAddress: string) {
    if (returnAddress.trim() === (item.returnAddress ?? '')) return;
    try {
      await updateCase(item.id, { returnAddress: returnAddress.trim() || null });
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  return (
    <div className="case-summary">
      <Alert
        type={eligibility.eligible ? 'success' : 'error'}
        showIcon
        icon={eligibility.eligible ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
        title={
          <>
            <strong>{eligibility.eligible ? t('cases.view.eligible') : t('cases.view.notEligible')}</strong>
            {t('customer.colon')}
            {word(eligibility.reason, eligibility.reasonText)}
          </>
        }
        className="case-block"
        data-testid="case-eligibility"
        data-eligible={eligibility.eligible}
      />
      <Descriptions size="small" column={2} className="case-facts">
        <Descriptions.Item label={t('cases.view.assignee')}>
          <AssigneeSelect item={item} />
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.view.deadline')}>
          <span className={item.overdue ? 'case-overdue' : undefined} data-testid="case-deadline" data-overdue={item.overdue}>
            <ClockCircleOutlined /> {dayjs(item.deadlineAt).format('MM-DD HH:mm')}
            {item.overdue && ` · ${t('cases.overdue')}`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.view.buyer')}>{item.buyerName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.view.opened')}>
          {dayjs(item.createdAt).format('MM-DD HH:mm')} · {t(`cases.view.openedBy.${item.openedBy}`)}
        </Descriptions.Item>
        {item.refundFen !== null && (
          <Descriptions.Item label={t('cases.view.refund')}>
            <strong className="price">{formatFen(item.refundFen)}</strong>
          </Descriptions.Item>
        )}
        {item.reason && (
          <Descriptions.Item label={t('cases.view.reason')} span={2}>
            {item.reason}
          </Descriptions.Item>
        )}
        {item.returnAddress !== null && (
          <Descriptions.Item label={t('cases.view.returnAddress')} span={2}>
            <Typography.Text editable={editAddress ? { onChange: (v) => void saveAddress(v), maxLength: 200 } : false}>
              {item.returnAddress || '—'}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {item.returnTrackingNo && (
          <Descriptions.Item label={t('cases.view.returnParcel')} span={2}>
            <span>
              {item.returnCarrier} <Typography.Text copyable>{item.returnTrackingNo}</Typography.Text>
            </span>
          </Descriptions.Item>
        )}
        {item.reshipTrackingNo && (
          <Descriptions.Item label={t('cases.view.reshipParcel')} span={2}>
            <span>
              {item.reshipCarrier} <Typography.Text copyable>{item.reshipTrackingNo}</Typography.Text>
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <OrderLines item={item} />
    </div>
  );
}

/** Who works the case: managers give it to anyone, the others take it themselves. */
function AssigneeSelect({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const me = getSession()?.agent;
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [saving, setSaving] = useState(false);
  const may = useCan();
  const anyone = may('cases.assign_others');
  const self = may('cases.work');

  useEffect(() => {
    if (anyone) loadAgents().then(setAgents, () => undefined);
  }, [anyone]);

  if (!self || !me) return <span data-testid="case-assignee">{item.assigneeName ?? t('cases.unassigned')}</span>;
  const options = anyone
    ? agents.filter((a) => !a.disabled || a.id === item.assigneeId).map((a) => ({ value: a.id, label: a.name }))
    : [{ value: me.id, label: me.name }];
  if (item.assigneeId && !options.some((o) => o.value === item.assigneeId))
    options.unshift({ value: item.assigneeId, label: item.assigneeName ?? '' });

  async function assign(assigneeId: string) {
    setSaving(true);
    try {
      await updateCase(item.id, { assigneeId });
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Select
      size="small"
      variant="borderless"
      className="case-assignee"
      value={item.assigneeId ?? undefined}
      placeholder={t('cases.unassigned')}
      loading={saving}
      options={options}
      popupMatchSelectWidth={false}
      onChange={(value: string) => void assign(value)}
      data-testid="case-assignee"
    />
  );
}

/** The order number and the lines the case is about (all of them when it names none). */
function OrderLines({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<OrderView | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchOrder(item.orderId, controller.signal).then(setOrder, () => undefined);
    return () => controller.abort();
  }, [item.orderId]);
  const lines = order?.items
    .map((line, index) => ({ line, index }))
    .filter(({ index }) => item.itemIndexes.length === 0 || item.itemIndexes.includes(index));
  return (
    <div className="case-order" data-testid="case-order">
      <div className="case-order-head">
        <span className="muted">{t('cases.view.order')}</span>
        <Typography.Text copyable={{ text: item.orderNo }}>{item.orderNo}</Typography.Text>
        {order && <span className="muted">{t(`customer.status.${order.status}`)}</span>}
      </div>
      {lines?.map(({ line, index }) => (
        <div className="case-order-line" key={index} data-testid="case-order-line">
          {line.imageUrl ? <img src={line.imageUrl} alt="" /> : <span className="case-order-image" />}
          <span className="case-order-title" title={line.title}>
            {line.title}
            <span className="muted"> {Object.values(line.skuProps).join(' / ')}</span>
          </span>
          <span className="muted">
            {formatFen(line.priceFen)} ×{line.quantity}
          </span>
        </div>
      ))}
    </div>
  );
}
