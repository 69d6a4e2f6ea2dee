import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the measures charts draw. Canvas, not SVG: a month of days by hour is many points, and a canvas is cheap
// to redraw when the filters change.
use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type MeasureChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

interface MeasureChartProps {
  option: MeasureChartOption;
  height?: number;
  testId?: string;
  /** A bar, point or funnel step was clicked: its category (the x value) and its series. */
  onPick?: (pick: { name: string; dataIndex: number; seriesIndex: number }) => void;
}

/** An echarts canvas: inits on its div, follows `option` and the div's size, reports clicks, disposes on unmount. */
export function MeasureChart({ option, height = 260, testId, onPick }: MeasureChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const div = element.current!;
    const instance = init(div, undefined, { renderer: 'canvas' });
    instance.on('click', (event) =>
      pick.current?.({ name: String(event.name), dataIndex: event.dataIndex, seriesIndex: event.seriesIndex ?? 0 }),
    );
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div
      ref={element}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }}
      data-testid={testId}
      className="measure-chart"
    />
  );
}
