/**
 * The renderers by `--format` name: the one table a command's option and
 * the golden tests read, so a format without a renderer fails `tsc`.
 */
import type { Report } from './findings.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderText } from './text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'junit', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const RENDERERS: Record<OutputFormat, (report: Report) => string> = {
  text: renderText,
  json: renderJson,
  junit: renderJunit,
  github: renderGithub,
};
