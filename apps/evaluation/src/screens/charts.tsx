import { type ComponentProps, lazy, Suspense } from 'react';
import type * as Recharts from './recharts-charts.tsx';

export type { CountBar, PairedBar, RateBar } from './recharts-charts.tsx';

/**
 * The dashboard's charts, loaded after the page: recharts and its d3 parts are about 70 kB of the
 * evaluation app's compressed JavaScript, which kept the first load over 150 kB. Until they arrive
 * each chart shows its title and its one-sentence summary in the space the chart will take, so the
 * page does not jump and nothing is hidden (the same figures are in the table beside every chart).
 */
const charts = () => import('./recharts-charts.tsx');
const LazyRateBarChart = lazy(() => charts().then((module) => ({ default: module.RateBarChart })));
const LazyCountBarChart = lazy(() => charts().then((module) => ({ default: module.CountBarChart })));
const LazyPairedBarChart = lazy(() => charts().then((module) => ({ default: module.PairedBarChart })));

function ChartPlaceholder({
  id,
  title,
  summary,
  height,
}: {
  id: string;
  title: string;
  summary: string;
  height: number;
}) {
  return (
    <figure className="ev-chart" aria-labelledby={`${id}-title`} aria-busy="true">
      <h4 id={`${id}-title`} className="ev-chart__title">
        {title}
      </h4>
      <div className="ev-chart__canvas" style={{ height }} />
      <figcaption className="ev-chart__summary">{summary}</figcaption>
    </figure>
  );
}

/** The heights the charts themselves take (recharts-charts.tsx), so the placeholder holds the space. */
const barRowsHeight = (bars: number) => Math.max(140, 40 + bars * 34);

export function RateBarChart(props: ComponentProps<typeof Recharts.RateBarChart>) {
  return (
    <Suspense fallback={<ChartPlaceholder {...props} height={barRowsHeight(props.bars.length)} />}>
      <LazyRateBarChart {...props} />
    </Suspense>
  );
}

export function CountBarChart(props: ComponentProps<typeof Recharts.CountBarChart>) {
  return (
    <Suspense fallback={<ChartPlaceholder {...props} height={barRowsHeight(props.bars.length)} />}>
      <LazyCountBarChart {...props} />
    </Suspense>
  );
}

export function PairedBarChart(props: ComponentProps<typeof Recharts.PairedBarChart>) {
  return (
    <Suspense fallback={<ChartPlaceholder {...props} height={Math.max(180, 70 + props.bars.length * 60)} />}>
      <LazyPairedBarChart {...props} />
    </Suspense>
  );
}
