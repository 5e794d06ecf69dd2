/**
 * A failure as lines of text, shared by the terminal and JUnit renderers:
 * what went wrong, what was sent (in delivery order), what was expected and
 * what the replica answered. States longer than `width` are cut.
 */
import type { Json } from '../codecs/json.js';
import type { SentEvent } from '../events.js';
import type { Failure, Observation } from '../scenarios/scenario.js';

export function failureLines(failure: Failure, width = 240): string[] {
  const lines = [`${failure.key !== undefined ? `key ${JSON.stringify(failure.key)}: ` : ''}${failure.message}`];
  if (failure.sent.length > 0) {
    lines.push('sent:');
    failure.sent.forEach((event, i) => lines.push(`  #${i + 1} ${sentLine(event, width)}`));
  }
  if (failure.expected) lines.push(`expected: ${observation(failure.expected, width)}`);
  if (failure.actual) lines.push(`returned: ${observation(failure.actual, width)}`);
  return lines;
}

function sentLine(event: SentEvent, width: number): string {
  const head = `sequence ${event.sequence} ${event.kind}`;
  const writer = event.writer !== undefined ? ` ${event.writer} (schema id ${event.schemaId})` : '';
  const body =
    event.kind === 'poison'
      ? ` bytes ${event.bytes === null ? 'null' : JSON.stringify(event.bytes)}`
      : event.state !== undefined
        ? ` ${cut(event.state, width)}`
        : '';
  return `${head}${writer}${event.note ? ` [${event.note}]` : ''}${body}`;
}

function observation(value: Observation, width: number): string {
  if ('state' in value) return cut(value.state, width);
  if ('absent' in value) return 'absent';
  if ('rejected' in value) return 'refused (apply throws / HTTP 4xx-5xx)';
  if ('accepted' in value) return 'accepted';
  return `error: ${value.error}`;
}

function cut(value: Json, width: number): string {
  const text = JSON.stringify(value);
  return text.length > width ? `${text.slice(0, width)}… (${text.length} characters)` : text;
}
