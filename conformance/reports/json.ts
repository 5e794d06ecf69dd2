/**
 * The JSON report: the findings model as it is (`../report.ts`), one
 * document, for CI steps and dashboards.
 */
import type { ConformanceReport } from '../report.js';

export function renderJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
