import { can, type DayHours, type ShopHours } from '@golddesk/contracts';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  Skeleton,
  Space,
  Switch,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { fetchShopHours, saveShopHours, type ShopHoursState } from './shop-hours.api';
import './shop-hours.locales';

const clock = (text: string) => dayjs(`2000-01-01 ${text === '24:00' ? '23:59' : text}`);

/** A start–end pair of HH:mm; order is free (an end before the start runs past midnight). */
function Window({
  open,
  close,
  disabled,
  onChange,
  testId,
}: {
  open: string;
  close: string;
  disabled?: boolean;
  onChange: (open: string, close: string) => void;
  testId: string;
}) {
  return (
    <TimePicker.RangePicker
      format="HH:mm"
      order={false}
      allowClear={false}
      disabled={disabled}
      value={[clock(open), clock(close)]}
      onChange={(range) =>
        range?.[0] && range[1] && onChange((range[0] as Dayjs).format('HH:mm'), (range[1] as Dayjs).format('HH:mm'))
      }
      data-testid={testId}
    />
  );
}

/** 设置 → 营业时间: business hours (one daily window or per weekday), holidays, quiet hours for reminders. */
export function BusinessHoursSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = can(session, 'shop_hours.edit');
  const [state, setState] = useState<ShopHoursState | null>(null);
  const [hours, setHours] = useState<ShopHours | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [holiday, setHoliday] = useState<{ date: Dayjs | null; label: string }>({ date: null, label: '' });

  useEffect(() => {
    const controller = new AbortController();
    fetchShopHours(controller.signal)
      .then((s) => {
        setState(s);
        setHours(s.hours);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  async function save() {
    if (!hours) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await saveShopHours(hours);
      setState(saved);
      setHours(saved.hours);
      void message.success(t('shopHours.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  if (!hours || !state) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const setDay = (index: number, day: DayHours) =>
    setHours({
      ...hours,
      weekly: hours.sameEveryDay ? hours.weekly.map(() => day) : hours.weekly.map((d, i) => (i === index ? day : d)),
    });
  const weekdays = t('shopHours.weekdays', { returnObjects: true }) as string[];
  const addHoliday = () => {
    if (!holiday.date) return;
    const date = holiday.date.format('YYYY-MM-DD');
    const rest = hours.holidays.filter((h) => h.date !== date);
    setHours({
      ...hours,
      holidays: [...rest, { date, ...(holiday.label.trim() ? { label: holiday.label.trim() } : {}) }].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    });
    setHoliday({ date: null, label: '' });
  };

  return (
    <div data-testid="business-hours">
      <Typography.Paragraph type="secondary">{t('shopHours.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Tag color={state.openNow ? 'green' : 'default'} data-testid="business-hours-now">
          {t(state.openNow ? 'shopHours.openNow' : 'shopHours.closedNow')}
        </Tag>
        {state.quietNow && <Tag color="purple">{t('shopHours.quietNow')}</Tag>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card
        size="small"
        title={t('shopHours.business')}
        style={{ marginBottom: 16 }}
        extra={
          <label>
            <Switch
              size="small"
              checked={hours.sameEveryDay}
              disabled={!editable}
              onChange={(on) =>
                setHours({ ...hours, sameEveryDay: on, weekly: on ? hours.weekly.map(() => hours.weekly[0]!) : hours.weekly })
              }
              data-testid="business-hours-same"
            />{' '}
            {t('shopHours.sameEveryDay')}
          </label>
        }
      >
        {(hours.sameEveryDay ? [hours.weekly[0]!] : hours.weekly).map((day, index) => (
          <Space key={index} style={{ display: 'flex', marginBottom: 8 }}>
            <span style={{ display: 'inline-block', width: 48 }}>
              {hours.sameEveryDay ? t('shopHours.everyDay') : weekdays[index]}
            </span>
            <Window
              open={day.open}
              close={day.close}
              disabled={!editable || day.closed}
              onChange={(open, close) => setDay(index, { ...day, open, close })}
              testId={`business-hours-day-${index}`}
            />
            {!hours.sameEveryDay && (
              <Checkbox
                checked={day.closed}
                disabled={!editable}
                onChange={(e) => setDay(index, { ...day, closed: e.target.checked })}
              >
                {t('shopHours.closed')}
              </Checkbox>
            )}
          </Space>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('shopHours.crossMidnight')}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('shopHours.holidays')} style={{ marginBottom: 16 }}>
        <div style={{ marginBottom: 8 }} data-testid="business-hours-holidays">
          {hours.holidays.length === 0 && <Typography.Text type="secondary">{t('shopHours.noHolidays')}</Typography.Text>}
          {hours.holidays.map((h) => (
            <Tag
              key={h.date}
              closable={editable}
              onClose={() => setHours({ ...hours, holidays: hours.holidays.filter((x) => x.date !== h.date) })}
            >
              {h.date}
              {h.label ? ` ${h.label}` : ''}
            </Tag>
          ))}
        </div>
        {editable && (
          <Space>
            <DatePicker
              value={holiday.date}
              onChange={(date) => setHoliday({ ...holiday, date })}
              data-testid="business-hours-holiday-date"
            />
            <Input
              placeholder={t('shopHours.holidayLabel')}
              maxLength={40}
              value={holiday.label}
              onChange={(e) => setHoliday({ ...holiday, label: e.target.value })}
              style={{ width: 160 }}
            />
            <Button onClick={addHoliday} disabled={!holiday.date}>
              {t('shopHours.addHoliday')}
            </Button>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('shopHours.quiet')} style={{ marginBottom: 16 }}>
        <Window
          open={hours.quietHours.start}
          close={hours.quietHours.end}
          disabled={!editable}
          onChange={(start, end) => setHours({ ...hours, quietHours: { start, end } })}
          testId="business-hours-quiet"
        />
      </Card>
      {editable && (
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="business-hours-save">
          {t('shopHours.save')}
        </Button>
      )}
    </div>
  );
}
