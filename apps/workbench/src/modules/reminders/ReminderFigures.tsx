import { chinaTimeOf, formatFen, type ReminderStatsResponse } from '@golddesk/contracts';
import { Alert, Card, Col, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { Chart, type ChartOption } from '../../platform/ui/Chart';
import { fetchReminderStats } from './reminders.api';

const DAY_MS = 24 * 3600_000;
/** A China-time day (YYYY-MM-DD) `daysAgo` days before today. */
const chinaDay = (daysAgo: number) => chinaTimeOf(new Date(Date.now() - daysAgo * DAY_MS)).date;

/** 催付效果: reminded vs paid-after-reminder bars and the success-rate line by day, with the totals. */
export function ReminderFigures() {
  const { t } = useTranslation();
  const [days, setDays] = useState<7 | 30>(7);
  const [stats, setStats] = useState<ReminderStatsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchReminderStats(chinaDay(days - 1), chinaDay(0), controller.signal)
      .then(setStats)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [days]);

  const option = useMemo<ChartOption | null>(
    () =>
      stats && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('reminders.reminded'), t('reminders.paid'), t('reminders.successRate')], top: 0 },
        grid: { left: 40, right: 48, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: stats.days.map((d) => d.date.slice(5)) },
        yAxis: [
          { type: 'value', minInterval: 1, name: t('reminders.reminded') },
          { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        ],
        series: [
          {
            name: t('reminders.reminded'),
            type: 'bar',
            data: stats.days.map((d) => d.reminded),
            itemStyle: { color: '#91caff' },
          },
          { name: t('reminders.paid'), type: 'bar', data: stats.days.map((d) => d.paid), itemStyle: { color: '#f5222d' } },
          {
            name: t('reminders.successRate'),
            type: 'line',
            yAxisIndex: 1,
            smooth: true,
            itemStyle: { color: '#fa8c16' },
            data: stats.days.map((d) => Math.round(d.successRate * 1000) / 10),
          },
        ],
      },
    [stats, t],
  );

  return (
    <Card
      size="small"
      title={t('reminders.figures')}
      extra={
        <Segmented
          size="small"
          value={days}
          onChange={(v) => setDays(v as 7 | 30)}
          options={[
            { value: 7, label: t('reminders.range7') },
            { value: 30, label: t('reminders.range30') },
          ]}
        />
      }
      style={{ marginBottom: 16 }}
      data-testid="reminder-figures"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('reminders.figuresHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {!stats && !error && <Skeleton active />}
      {stats && option && (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }} data-testid="reminder-totals">
            <Col span={6}>
              <Statistic title={t('reminders.reminded')} value={stats.totals.reminded} />
            </Col>
            <Col span={6}>
              <Statistic title={t('reminders.paid')} value={stats.totals.paid} />
            </Col>
            <Col span={6}>
              <Statistic title={t('reminders.successRate')} value={Math.round(stats.totals.successRate * 1000) / 10} suffix="%" />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('reminders.recovered')}
                value={formatFen(stats.totals.recoveredFen, { sign: false })}
                prefix="¥"
              />
            </Col>
          </Row>
          <Chart option={option} testId="reminder-chart" />
        </>
      )}
    </Card>
  );
}
