import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only the chart kinds the dashboard draws, to keep its chunk small.
echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export function Chart({ option, height = 280, onClick }: { option: EChartsOption; height?: number; onClick?(params: { name: string; dataIndex: number }): void }) {
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge onEvents={onClick ? { click: onClick } : undefined} />;
}
