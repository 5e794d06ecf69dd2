/**
 * A deploy gate: a small check with a stable id and a purpose, run by a
 * command on some input and answering results in the findings model
 * (STYLE 7; buf's `bufcheck` rules are the model). `creg check` runs the
 * compatibility gate on each contract; `creg can-i-deploy` adds the
 * verification gates (has each consumer verified the versions it will read?).
 */
import type { RegistryClient } from '../../client/registry-client.js';
import type { CheckResult } from '../output/findings.js';

export interface GateContext {
  client: RegistryClient;
}

export interface Gate<Input> {
  /** Stable: it is the `check` of every result the gate answers, in JSON and JUnit output. */
  id: string;
  purpose: string;
  check(input: Input, context: GateContext): Promise<CheckResult[]>;
}

/** The gates a command runs, one per line, for its `--help`. */
export const gateTable = (gates: ReadonlyArray<Gate<never>>) => gates.map((gate) => `  ${gate.id.padEnd(24)} ${gate.purpose}`).join('\n');
