/**
 * The renderers of a conformance report, by `--format` name.
 */
import type { ConformanceReport } from '../report.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: ConformanceReport, format: ReportFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, options);
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report);
  }
}
