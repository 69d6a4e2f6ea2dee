import type { OrderView } from '@golddesk/contracts';
import { DownOutlined } from '@ant-design/icons';
import { Popover, Steps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

type Step = 'placed' | 'paid' | 'shipped' | 'signed' | 'completed' | 'closed';

/** The trade flow's steps with the time each was reached; a closed order ends at 交易关闭 instead. */
function stepsOf(order: OrderView): { step: Step; at: string | null }[] {
  const flow: { step: Step; at: string | null }[] = [
    { step: 'placed', at: order.placedAt },
    { step: 'paid', at: order.paidAt },
    { step: 'shipped', at: order.shippedAt },
    { step: 'signed', at: order.signedAt },
    { step: 'completed', at: order.completedAt },
  ];
  if (order.status !== 'closed') return flow;
  return [...flow.filter((s) => s.at), { step: 'closed', at: order.closedAt }];
}

const format = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** The order's latest step and its time; hover or click for every step (下单 → 付款 → 发货 → 签收 → 交易成功). */
export function OrderSteps({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const steps = stepsOf(order);
  const reached = steps.filter((s) => s.at);
  const latest = reached[reached.length - 1] ?? steps[0]!;
  const content = (
    <Steps
      orientation="vertical"
      size="small"
      current={reached.length - 1}
      status={order.status === 'closed' ? 'error' : 'process'}
      items={steps.map((s) => ({ title: t(`orders.steps.${s.step}`), content: s.at ? format(s.at) : '—' }))}
      data-testid="order-steps"
    />
  );
  return (
    <Popover title={t('orders.steps.title')} content={content} placement="left" trigger={['hover', 'click']}>
      <span className="muted order-latest-step" data-testid="order-latest-step" data-step={latest.step}>
        {t('orders.steps.latest', { step: t(`orders.steps.${latest.step}`), time: latest.at ? format(latest.at) : '—' })}{' '}
        <DownOutlined style={{ fontSize: 10 }} />
      </span>
    </Popover>
  );
}
