/**
 * Which subject names may be written to (Confluent's `QualifiedSubject.isValidSubject`):
 * no ISO control characters, and not one of the names the registry reserves.
 */
import { errors } from './errors.js';

const RESERVED = new Set(['__GLOBAL', '__EMPTY']);

export function validateSubject(subject: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(subject) || RESERVED.has(subject)) throw errors.invalidSubject(subject);
}
