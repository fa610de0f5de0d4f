// Charts rendered on the server as SVG by Apache ECharts (SSR mode, no browser, no client script),
// always shown with the numbers as a table beside them; the table's numbers are links to the items.
import { LRUCache } from 'lru-cache';
import { createRequire } from 'node:module';

// ECharts' type declarations use `export =`, which NodeNext ESM cannot import; its CommonJS build is
// loaded instead, typed by the few calls made here.
interface SsrChart {
  setOption(option: Record<string, unknown>): void;
  renderToSVGString(): string;
  dispose(): void;
}
const echarts = createRequire(import.meta.url)('echarts') as { init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }): SsrChart };
const initChart = echarts.init;
import type { ComponentChildren } from 'preact';

export interface ChartSpec {
  type: 'bar' | 'line' | 'pie';
  /** Bars to the right, labels on the left (long unit names). */
  horizontal?: boolean;
  labels: string[];
  /** One series (ignored when `series` is given). */
  values: number[];
  /** Several series stacked in one bar per label (e.g. a unit's requests by state), with a legend. */
  series?: { name: string; values: number[]; color: string }[];
  /** Values are percentages: the axis runs 0–100 and labels read "95%". */
  percent?: boolean;
  width?: number;
  height?: number;
  color?: string;
}

// Rendering costs tens of milliseconds; the same data gives the same picture, so keep recent ones.
const cache = new LRUCache<string, string>({ max: 64 });

/** The chart as an SVG string (ECharts escapes the labels it writes). */
export function chartSvg(spec: ChartSpec): string {
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const width = spec.width ?? 640;
  const height = spec.height ?? 260;
  const chart = initChart(null, null, { renderer: 'svg', ssr: true, width, height });
  const color = spec.color ?? '#1d4f91';
  if (spec.type === 'pie') {
    chart.setOption({
      animation: false,
      color: ['#2e7d32', '#1d4f91', '#b3261e', '#8a5a00'],
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b} {c}', fontSize: 13 }, data: spec.labels.map((name, i) => ({ name, value: spec.values[i] })) }],
    });
  } else if (spec.horizontal) {
    const stacked = spec.series?.length ? spec.series : null;
    chart.setOption({
      animation: false,
      grid: { left: labelMargin(spec.labels, width), right: spec.percent ? 48 : 24, top: 8, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: spec.labels, axisLabel: { fontSize: 12, interval: 0 } },
      xAxis: spec.percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
      series: stacked
        ? stacked.map((s) => ({ type: 'bar', name: s.name, stack: 'all', data: s.values, itemStyle: { color: s.color } }))
        : [{ type: 'bar', data: spec.values, itemStyle: { color }, label: spec.percent ? { show: true, position: 'right', formatter: '{c}%', fontSize: 12 } : undefined }],
    });
  } else {
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: spec.labels.length > 12 ? 56 : 40 },
      xAxis: { type: 'category', data: spec.labels, axisLabel: { fontSize: 12, rotate: spec.labels.length > 12 ? 45 : 0, interval: spec.labels.length > 12 ? 'auto' : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: spec.type, data: spec.values, itemStyle: { color }, lineStyle: { color } }],
    });
  }
  const svg = chart.renderToSVGString();
  chart.dispose();
  cache.set(key, svg);
  return svg;
}

/** A chart and its table side by side (stacked on phones). The SVG is an image described by its caption; the table carries the numbers. */
export function ChartWithTable({ id, title, spec, children }: { id: string; title: string; spec: ChartSpec; children: ComponentChildren }) {
  const svg = chartSvg(spec).replace('<svg ', `<svg role="img" aria-labelledby="${id}-title" `);
  return (
    <section class="chart-block" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div class="chart-row">
        <div class="chart">
          <div dangerouslySetInnerHTML={{ __html: svg }} />
          {spec.series?.length ? (
            // The key as HTML: the server cannot measure Chinese text, so a legend drawn in the SVG overlaps.
            <ul class="chart-legend" aria-hidden="true">
              {spec.series.map((s) => (
                <li key={s.name}>
                  <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
                    <rect width="14" height="14" fill={s.color} />
                  </svg>{' '}
                  {s.name}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`${title}（数据表）`}>
          {children}
        </div>
      </div>
    </section>
  );
}

/**
 * Room for the category labels of a horizontal bar chart. The server cannot measure text, so a Chinese
 * character counts as 15 px at the 12 px label size (browsers' CJK fonts run wider than the size) and
 * any other character as 8 px; at most 45 % of the chart goes to labels.
 */
export function labelMargin(labels: readonly string[], width: number): number {
  const widest = Math.max(0, ...labels.map((l) => [...l].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 15 : 8), 0)));
  return Math.round(Math.min(width * 0.45, Math.max(60, widest + 16)));
}
