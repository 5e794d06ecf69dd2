/**
 * The one error an Avro schema can cause: 42201, worded as Confluent's
 * `AbstractSchemaRegistry.loadSchema` words it ("Invalid schema of type AVRO,
 * details: …"), the details being Java Avro's exception message.
 */
import { errors, type RegistryError } from '../../errors.js';

export function invalidAvro(reason: string): RegistryError {
  return errors.invalidSchema(`Invalid schema of type AVRO, details: ${reason}`);
}

export function fail(reason: string): never {
  throw invalidAvro(reason);
}
