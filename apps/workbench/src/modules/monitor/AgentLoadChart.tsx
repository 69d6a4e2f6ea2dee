import type { MonitorAgent } from '@golddesk/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../platform/ui/Chart';

/** Load beside capacity per agent, as bars: who is full and who has room, at a glance. */
export function AgentLoadChart({ agents }: { agents: MonitorAgent[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('monitor.chart.load'), t('monitor.chart.capacity')] },
      grid: { left: 32, right: 8, top: 30, bottom: 24 },
      xAxis: {
        type: 'category',
        data: agents.map((agent) => agent.name),
        axisLabel: { interval: 0, width: 56, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('monitor.chart.load'),
          type: 'bar',
          itemStyle: { color: '#ff6a00' },
          data: agents.map((agent) => ({
            value: agent.load,
            // A full agent's bar in amber: nobody new reaches them.
            ...(agent.load >= agent.capacity && { itemStyle: { color: '#faad14' } }),
          })),
        },
        {
          name: t('monitor.chart.capacity'),
          type: 'bar',
          data: agents.map((agent) => agent.capacity),
          itemStyle: { color: '#d9d9d9' },
        },
      ],
    }),
    [agents, t],
  );
  return <Chart option={option} height={240} testId="monitor-load-chart" />;
}
