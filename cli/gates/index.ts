/**
 * Every deploy gate, by id: the table `creg check --list-gates` prints.
 * `can-i-deploy` adds its verification gates here.
 */
import { compatibilityGate } from './compatibility.js';

export const GATES: ReadonlyArray<{ id: string; purpose: string }> = [compatibilityGate];
