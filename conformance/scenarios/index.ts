/**
 * The one table of conformance scenarios, in the order reports show them
 * (`creg conform --list` prints it). The first seven are the issue's
 * minimum; with the rest they cover the reference checklist C01–C24.
 */
import { edgeValues } from './edge-values.js';
import { futureSchema } from './future-schema.js';
import { interleaving } from './interleaving.js';
import { noResurrection } from './no-resurrection.js';
import { poison } from './poison.js';
import { randomHistory } from './random-history.js';
import { readable } from './readable.js';
import { redelivery } from './redelivery.js';
import { replay } from './replay.js';
import type { Scenario } from './scenario.js';
import { snapshotCatchUp } from './snapshot-catch-up.js';
import { stale } from './stale.js';
import { tombstone } from './tombstone.js';

export const SCENARIOS: readonly Scenario[] = [
  readable,
  redelivery,
  stale,
  tombstone,
  noResurrection,
  interleaving,
  replay,
  edgeValues,
  snapshotCatchUp,
  poison,
  futureSchema,
  randomHistory,
];

export type { Scenario } from './scenario.js';
