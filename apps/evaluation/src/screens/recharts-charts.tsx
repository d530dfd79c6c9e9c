import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The dashboard's charts (recharts). Each chart is one `role="img"` with a sentence-long text summary
 * as its accessible name, a visible title, and the same figures in a table next to it; recharts'
 * own keyboard layer is off because the table is the accessible way through the numbers. Colours are
 * dark enough for 3:1 against white (WCAG 1.4.11). Every bar's label carries its value as text (also
 * a hidden value's mark, which has no bar to sit on), so nothing depends on colour alone; the second
 * series is also hatched and its order is fixed (first, second) as the legend says.
 */
export const SERIES_COLOURS = ['#1d4f91', '#8a3b00'] as const;
const AXIS_COLOUR = '#1b1f24';
const GRID_COLOUR = '#c5cbd3';

export function ChartFigure({
  id,
  title,
  summary,
  children,
  height,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactElement;
  height: number;
}) {
  return (
    <figure className="ev-chart" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="ev-chart__title">
        {title}
      </h4>
      <div role="img" aria-label={summary} className="ev-chart__canvas" style={{ height }}>
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="ev-chart__summary">{summary}</figcaption>
    </figure>
  );
}

/** One bar per group: a share in percent with its 95 % interval as whiskers. */
export type RateBar = {
  label: string;
  /** Percent 0-100, or null when hidden or not computable. */
  percent: number | null;
  /** [below, above] distances from `percent` to the interval's ends, in points. */
  interval: [number, number] | null;
  /** Text printed at the bar's end (the percent, or the hidden mark). */
  valueText: string;
};

export function RateBarChart({
  id,
  title,
  summary,
  bars,
  axisLabel,
  references,
}: {
  id: string;
  title: string;
  summary: string;
  bars: RateBar[];
  axisLabel: string;
  /** Dashed vertical lines at reference shares (e.g. a baseline and a goal), each labelled. */
  references?: ReadonlyArray<{ percent: number; label: string }>;
}) {
  const height = Math.max(140, 40 + bars.length * 34);
  const data = bars.map((bar) => ({
    label: `${bar.label}: ${bar.valueText}`,
    percent: bar.percent ?? 0,
    interval: bar.interval ?? [0, 0],
  }));
  return (
    <ChartFigure id={id} title={title} summary={summary} height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: references?.length ? 24 : 8, right: 56, bottom: 24, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_COLOUR} />
        <XAxis
          type="number"
          domain={[0, 100]}
          tickFormatter={(value: number) => `${value} %`}
          stroke={AXIS_COLOUR}
          label={{ value: axisLabel, position: 'insideBottom', offset: -16, fill: AXIS_COLOUR }}
        />
        <YAxis type="category" dataKey="label" width={260} stroke={AXIS_COLOUR} interval={0} />
        <Bar dataKey="percent" fill={SERIES_COLOURS[0]} isAnimationActive={false} barSize={20}>
          <ErrorBar dataKey="interval" width={6} strokeWidth={2} stroke={AXIS_COLOUR} direction="x" />
        </Bar>
        {(references ?? []).map((reference) => (
          <ReferenceLine
            key={reference.label}
            x={reference.percent}
            stroke={SERIES_COLOURS[1]}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: reference.label, position: 'top', fill: AXIS_COLOUR, fontSize: 12 }}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** One bar per step or group: a count of people. Hidden counts have no bar, only their mark. */
export type CountBar = { label: string; value: number | null; valueText: string };

export function CountBarChart({
  id,
  title,
  summary,
  bars,
  domain,
}: {
  id: string;
  title: string;
  summary: string;
  bars: CountBar[];
  /** A fixed value axis (e.g. [1, 5] for answer means); counts start at 0 and grow with the data. */
  domain?: [number, number];
}) {
  const height = Math.max(140, 40 + bars.length * 34);
  // A hidden value gets a zero-length bar at the axis start; its mark (e.g. "under 5") is in the label.
  const data = bars.map((bar) => ({
    label: `${bar.label}: ${bar.valueText}`,
    value: bar.value ?? domain?.[0] ?? 0,
  }));
  return (
    <ChartFigure id={id} title={title} summary={summary} height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 64, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_COLOUR} />
        <XAxis
          type="number"
          allowDecimals={domain !== undefined}
          domain={domain ?? [0, 'auto']}
          stroke={AXIS_COLOUR}
        />
        <YAxis type="category" dataKey="label" width={260} stroke={AXIS_COLOUR} interval={0} />
        <Bar dataKey="value" fill={SERIES_COLOURS[0]} isAnimationActive={false} barSize={20} />
      </BarChart>
    </ChartFigure>
  );
}

/** Two series side by side per group (e.g. before and after), each with its own value text. */
export type PairedBar = {
  label: string;
  first: number | null;
  second: number | null;
  firstText: string;
  secondText: string;
};

export function PairedBarChart({
  id,
  title,
  summary,
  bars,
  seriesNames,
  domain,
  formatTick,
  references,
}: {
  id: string;
  title: string;
  summary: string;
  bars: PairedBar[];
  seriesNames: [string, string];
  domain: [number, number];
  /** Axis tick text, e.g. kroner with thousands separators; plain numbers without it. */
  formatTick?: (value: number) => string;
  /**
   * Dashed vertical lines at reference values (e.g. a norm and a cut-off), each with a short label;
   * the chart's text around it says what each one is.
   */
  references?: ReadonlyArray<{ value: number; label: string }>;
}) {
  const height = Math.max(180, 70 + bars.length * 60) + (references?.length ? 16 : 0);
  const data = bars.map((bar) => ({
    label: `${bar.label}: ${bar.firstText} / ${bar.secondText}`,
    first: bar.first ?? 0,
    second: bar.second ?? 0,
  }));
  return (
    <ChartFigure id={id} title={title} summary={summary} height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: references?.length ? 24 : 8, right: 64, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={SERIES_COLOURS[1]} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke={GRID_COLOUR} />
        <XAxis
          type="number"
          domain={domain}
          stroke={AXIS_COLOUR}
          {...(formatTick ? { tickFormatter: formatTick } : {})}
        />
        <YAxis type="category" dataKey="label" width={260} stroke={AXIS_COLOUR} interval={0} />
        <Legend wrapperStyle={{ color: AXIS_COLOUR }} />
        <Bar
          dataKey="first"
          name={seriesNames[0]}
          fill={SERIES_COLOURS[0]}
          isAnimationActive={false}
          barSize={18}
        />
        <Bar
          dataKey="second"
          name={seriesNames[1]}
          fill={`url(#${id}-hatch)`}
          stroke={SERIES_COLOURS[1]}
          isAnimationActive={false}
          barSize={18}
        />
        {(references ?? []).map((reference) => (
          <ReferenceLine
            key={reference.label}
            x={reference.value}
            stroke={AXIS_COLOUR}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: reference.label, position: 'top', fill: AXIS_COLOUR, fontSize: 12 }}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
