/**
 * The one error a JSON schema can cause: 42201, worded as Confluent's
 * `AbstractSchemaRegistry.loadSchema` words a provider failure ("Invalid
 * schema of type JSON, details: …"), the details naming what is wrong and
 * where (JSON syntax with line and column, or the validator's complaint with
 * its schema path).
 */
import { errors, type RegistryError } from '../../errors.js';

export function invalidJsonSchema(reason: string): RegistryError {
  return errors.invalidSchema(`Invalid schema of type JSON, details: ${reason}`);
}
