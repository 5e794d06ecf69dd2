/**
 * Compatibility levels, composed once from one question each format answers
 * ("can this reader read that writer?"): direction (the new schema reads the
 * old ones, they read it, or both) × scope (the latest version, or all of them
 * newest first, stopping at the first that fails).
 * Mirrors Confluent's CompatibilityChecker.java and SchemaValidatorBuilder.java,
 * including the verbose messages they build.
 */
import type { CompatibilityLevel } from './config.js';
import type { CompatibilityPolicy, ParsedSchema, SchemaFormat } from './formats/format.js';

type Direction = 'backward' | 'forward' | 'full';

const LEVELS: Record<CompatibilityLevel, { direction: Direction; transitive: boolean } | undefined> = {
  NONE: undefined,
  BACKWARD: { direction: 'backward', transitive: false },
  BACKWARD_TRANSITIVE: { direction: 'backward', transitive: true },
  FORWARD: { direction: 'forward', transitive: false },
  FORWARD_TRANSITIVE: { direction: 'forward', transitive: true },
  FULL: { direction: 'full', transitive: false },
  FULL_TRANSITIVE: { direction: 'full', transitive: true },
};

/** A registered version the new schema is compared with. */
export interface PreviousSchema {
  version: number;
  parsed: ParsedSchema;
}

export interface CompatibilityInput {
  level: CompatibilityLevel;
  policy: CompatibilityPolicy;
  format: SchemaFormat;
  candidate: ParsedSchema;
  /** Live versions, oldest first. */
  previous: PreviousSchema[];
  validateFields?: boolean;
  /** Messages found before the level's check (reserved fields), which lead the list. */
  leading?: string[];
}

const MAX_SCHEMA_SIZE_FOR_MESSAGES = 10 * 1024;
const DIFFERENT_SCHEMA_TYPE = 'Incompatible because of different schema type';

/** Empty when compatible; otherwise Confluent's verbose messages, ending with the level. */
export function compatibilityMessages(input: CompatibilityInput): string[] {
  const messages = [...(input.leading ?? []), ...levelMessages(input)];
  if (messages.length > 0) messages.push(`{validateFields: '${input.validateFields ?? false}', compatibility: '${input.level}'}`);
  return messages;
}

function levelMessages(input: CompatibilityInput): string[] {
  const rule = LEVELS[input.level];
  if (!rule || input.previous.length === 0) return [];
  const newestFirst = [...input.previous].reverse();
  const compared = rule.transitive ? newestFirst : newestFirst.slice(0, 1);
  for (const previous of compared) {
    const messages = compareWith(input, rule.direction, previous);
    if (messages.length > 0) return messages;
  }
  return [];
}

function compareWith(input: CompatibilityInput, direction: Direction, previous: PreviousSchema): string[] {
  const { candidate, format, policy } = input;
  if (candidate.schemaType !== previous.parsed.schemaType) return [DIFFERENT_SCHEMA_TYPE];
  const newReadsOld = () =>
    withOldSchema(
      candidate.readerDifferences(previous.parsed, policy).map((d) => format.describe(d, 'new', 'old')),
      previous,
    );
  const oldReadsNew = (appendOld: boolean) => {
    const messages = previous.parsed.readerDifferences(candidate, policy).map((d) => format.describe(d, 'old', 'new'));
    return appendOld ? withOldSchema(messages, previous) : messages;
  };
  switch (direction) {
    case 'backward':
      return newReadsOld();
    case 'forward':
      return oldReadsNew(true);
    case 'full':
      // Confluent's mutual-read strategy: the old-reads-new pass does not append the old schema.
      return [...oldReadsNew(false), ...newReadsOld()];
  }
}

function withOldSchema(messages: string[], previous: PreviousSchema): string[] {
  if (messages.length === 0) return messages;
  const text = previous.parsed.canonical();
  const oldSchema =
    text.length <= MAX_SCHEMA_SIZE_FOR_MESSAGES
      ? `{oldSchema: '${text}'}`
      : `{oldSchema: <truncated> '${text.slice(0, MAX_SCHEMA_SIZE_FOR_MESSAGES)}...'}`;
  return [...messages, `{oldSchemaVersion: ${previous.version}}`, oldSchema];
}
