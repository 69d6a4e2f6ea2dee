import type { MeasureRow } from '@golddesk/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { drillOf, rangeText } from './drill';
import type { DrillRequest } from './FactsDrawer';
import { FiguresCard } from './FiguresCard';
import { presetRange } from './measure-figures';

interface MorningBoardProps {
  /** Managers see every agent and the team's total; an agent sees their own row. */
  team: boolean;
  /** The page's clock when it opened (the board's yesterday and this week). */
  now: Date;
  revision: number;
  onDrill: (request: DrillRequest) => void;
}

const agentLabel = (row: MeasureRow) => row.label;

/** 晨会看板: yesterday and this week (Monday to today, China time), one row per agent, with the team's total. */
export function MorningBoard({ team, now, revision, onDrill }: MorningBoardProps) {
  const { t } = useTranslation();
  const periods = [
    { key: 'yesterday', range: presetRange('yesterday', now) },
    { key: 'thisWeek', range: presetRange('thisWeek', now) },
  ] as const;
  return (
    <div className="measures-board" data-testid="measures-board">
      <Typography.Paragraph type="secondary" className="measures-hint">
        {t(team ? 'measures.board.hintTeam' : 'measures.board.hintMine')}
      </Typography.Paragraph>
      {periods.map(({ key, range: [from, to] }) => (
        <FiguresCard
          key={key}
          title={
            <span>
              {t(`measures.preset.${key}`)}
              <span className="measures-range">{rangeText({ from, to })}</span>
            </span>
          }
          filter={{ from, to }}
          by="agent"
          showTotal={team}
          revision={revision}
          rowLabel={agentLabel}
          onDrill={(figure, row) => onDrill(drillOf(figure, row, 'agent', { from, to }, row && agentLabel(row)))}
          testId={`board-${key}`}
        />
      ))}
    </div>
  );
}
