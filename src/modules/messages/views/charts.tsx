// The charts moved to the shared UI kit; kept here so this module's imports stay as they were.
export { ChartWithTable, chartSvg, type ChartSpec } from '../../../core/ui/charts.tsx';
