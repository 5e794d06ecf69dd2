/**
 * The findings of a run, one model for every renderer (`reports/`): the
 * matrix of cells (contract version × scenario) with each cell's failures,
 * and what is needed to repeat the run (seed, reader version, projection).
 */
import type { CellResult } from './scenarios/cell.js';

export interface ReportScenario {
  id: string;
  title: string;
  purpose: string;
  checklist: string[];
}

export interface ReportVersion {
  version: number;
  schemaId: number;
  deleted?: boolean;
}

export interface ConformanceReport {
  subject: string;
  /** Where the contract was read from: a registry URL or a folder. */
  source: string;
  /** The replica: a module path or a URL. */
  replica: string;
  seed: number;
  readerVersion: number;
  fields?: string[];
  versions: ReportVersion[];
  scenarios: ReportScenario[];
  cells: CellResult[];
  summary: { cells: number; passed: number; failed: number; skipped: number; success: boolean };
  startedAt: string;
  durationMs: number;
  tool: string;
}

export function summarize(cells: readonly CellResult[]): ConformanceReport['summary'] {
  const count = (status: CellResult['status']) => cells.filter((c) => c.status === status).length;
  const failed = count('fail');
  return { cells: cells.length, passed: count('pass'), failed, skipped: count('skipped'), success: failed === 0 };
}

export function cellOf(report: ConformanceReport, version: number, scenario: string): CellResult | undefined {
  return report.cells.find((c) => c.version === version && c.scenario === scenario);
}

/** The ids of the scenarios with at least one failed cell, in table order. */
export function failingScenarios(report: ConformanceReport): string[] {
  return report.scenarios.map((s) => s.id).filter((id) => report.cells.some((c) => c.scenario === id && c.status === 'fail'));
}
