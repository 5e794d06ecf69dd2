/**
 * Findings out of the messages of Confluent's verbose compatibility answer
 * (`?verbose=true`), whose layout `AbstractSchemaRegistry.isCompatibleWithPrevious`
 * and `SchemaValidatorBuilder.formatErrorMessages` fix: each difference as
 * `{errorType:'TYPE', description:'…'[, additionalInfo:'…']}` (Avro quotes
 * with ', JSON Schema and Protobuf with ", and JSON Schema closes its
 * description with ' — a quirk of its source), then `{oldSchemaVersion: N}`,
 * `{oldSchema: '…'}` and `{validateFields: '…', compatibility: 'LEVEL'}`.
 * Anything else (an invalid schema, a different schema type) is a finding
 * as it stands.
 */
import type { Finding } from '../output/findings.js';

export interface CompatibilityMessages {
  findings: Finding[];
  /** The level the registry applied, when it says so (it does not for a schema it cannot read). */
  level?: string;
}

const DIFFERENCE = /^\{errorType:["']([A-Za-z_]+)["'], description:["'](.*?)["'](?:, additionalInfo:'(.*)')?\}$/s;
const OLD_VERSION = /^\{oldSchemaVersion: (\d+)\}$/;
const OLD_SCHEMA = /^\{oldSchema: /;
const TRAILER = /^\{validateFields: '[^']*', compatibility: '([A-Z_]+)'\}$/;
const PATH = /at path '([^']+)'/;

export function parseCompatibilityMessages(messages: readonly string[]): CompatibilityMessages {
  const findings: Finding[] = [];
  let level: string | undefined;
  for (const message of messages) {
    const difference = DIFFERENCE.exec(message);
    const oldVersion = OLD_VERSION.exec(message);
    const trailer = TRAILER.exec(message);
    if (difference) {
      const [, rule, description] = difference;
      const path = PATH.exec(description!)?.[1];
      findings.push({ severity: 'error', rule: rule!, message: description!, ...(path !== undefined && { path }) });
    } else if (oldVersion) {
      // The differences listed so far are against this version.
      for (const finding of findings) finding.version ??= Number(oldVersion[1]);
    } else if (trailer) {
      level = trailer[1];
    } else if (!OLD_SCHEMA.test(message)) {
      findings.push({ severity: 'error', message });
    }
  }
  return { findings, ...(level !== undefined && { level }) };
}
