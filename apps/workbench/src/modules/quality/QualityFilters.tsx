import { chinaTimeOf, type AgentView } from '@golddesk/contracts';
import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchTeam, type QualityRange } from './quality-inspection.api';

const DAY = 'YYYY-MM-DD';

/** The date range (China days, up to today) and, for managers, the agent. */
export function QualityFilters({
  range,
  onChange,
  pickAgent,
}: {
  range: QualityRange;
  onChange: (range: QualityRange) => void;
  pickAgent: boolean;
}) {
  const { t } = useTranslation();
  const [agents, setAgents] = useState<AgentView[]>([]);
  useEffect(() => {
    if (!pickAgent) return;
    const controller = new AbortController();
    // A convenience: without the list the whole shop is shown.
    fetchTeam(controller.signal).then(setAgents, () => undefined);
    return () => controller.abort();
  }, [pickAgent]);
  const today = dayjs(chinaTimeOf(new Date()).date);
  return (
    <>
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(range.from), dayjs(range.to)]}
        disabledDate={(day) => day.isAfter(today, 'day')}
        onChange={(days) => days?.[0] && days[1] && onChange({ ...range, from: days[0].format(DAY), to: days[1].format(DAY) })}
        data-testid="quality-range"
      />
      {pickAgent && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('qualityPage.allAgents')}
          style={{ width: 150 }}
          value={range.agentId}
          onChange={(agentId?: string) => onChange({ ...range, agentId })}
          options={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
          data-testid="quality-agent"
        />
      )}
    </>
  );
}
