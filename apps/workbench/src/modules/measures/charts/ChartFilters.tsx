import type { AgentView, RoutingSettings } from '@golddesk/contracts';
import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupName } from '../../routing';
import { chinaToday, presetRange, RANGE_PRESETS } from '../measure-figures';
import { fetchAgents, fetchGroups, type MeasureFilter } from '../measures.api';

interface ChartFiltersProps {
  filter: MeasureFilter;
  onChange: (filter: MeasureFilter) => void;
  /** Managers pick an agent or a group; an agent's figures are their own. */
  team: boolean;
  now: Date;
}

const DAY = 'YYYY-MM-DD';

/** The range (昨天 · 本周 · 上周 · 近7天 · 近30天, or any days up to today) and, for managers, an agent or a group. */
export function ChartFilters({ filter, onChange, team, now }: ChartFiltersProps) {
  const { t } = useTranslation();
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [groups, setGroups] = useState<RoutingSettings['groups']>([]);

  useEffect(() => {
    if (!team) return;
    const controller = new AbortController();
    // The filter lists are a convenience: without them the charts still show the whole shop.
    fetchAgents(controller.signal).then(setAgents, () => undefined);
    fetchGroups(controller.signal).then(setGroups, () => undefined);
    return () => controller.abort();
  }, [team]);

  const today = dayjs(chinaToday(now));
  const presets = RANGE_PRESETS.map((preset) => ({
    label: <span data-testid={`range-${preset}`}>{t(`measures.preset.${preset}`)}</span>,
    value: presetRange(preset, now).map((day) => dayjs(day)) as [Dayjs, Dayjs],
  }));

  return (
    <Space wrap className="measures-filters" data-testid="measures-filters">
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(filter.from), dayjs(filter.to)]}
        presets={presets}
        disabledDate={(day) => day.isAfter(today, 'day')}
        onChange={(days) => days?.[0] && days[1] && onChange({ ...filter, from: days[0].format(DAY), to: days[1].format(DAY) })}
        data-testid="measures-range"
      />
      {team && (
        <>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('measures.filter.allAgents')}
            style={{ width: 160 }}
            value={filter.agentId}
            onChange={(agentId?: string) => onChange({ ...filter, agentId })}
            options={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
            data-testid="measures-agent"
          />
          <Select
            allowClear
            placeholder={t('measures.filter.allGroups')}
            style={{ width: 140 }}
            value={filter.group}
            onChange={(group?: string) => onChange({ ...filter, group })}
            options={groups.map((group) => ({ value: group.key, label: groupName(group.key, { groups }) }))}
            data-testid="measures-group"
          />
        </>
      )}
    </Space>
  );
}
