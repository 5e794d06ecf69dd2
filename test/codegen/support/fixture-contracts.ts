/**
 * The test contracts of `fixtures/` as codegen input, without a registry:
 * three versions each, with fixed schema ids and the ECST metadata the
 * registry tests register them with.
 */
import { readFileSync } from 'node:fs';
import type { SubjectContract } from '../../../codegen/index.js';
import type { Metadata, SchemaType } from '../../../contracts/schema.js';

const read = (subject: string, file: string) => readFileSync(new URL(`../fixtures/${subject}/${file}`, import.meta.url), 'utf8');

function contract(subject: string, extension: string, schemaType: SchemaType, firstId: number, metadata?: Metadata): SubjectContract {
  return {
    subject,
    versions: [1, 2, 3].map((version) => ({
      version,
      id: firstId + version - 1,
      schemaType,
      schema: read(subject, `v${version}.${extension}`),
      references: [],
      ...(version === 3 && metadata !== undefined ? { metadata } : {}),
    })),
  };
}

export function fixtureContracts(): SubjectContract[] {
  return [
    contract('customer-value', 'avsc', 'AVRO', 1, { properties: { 'ecst.key': 'customer_id', 'ecst.sequence': 'header:ecst-sequence' } }),
    contract('order-json', 'json', 'JSON', 4, { properties: { 'ecst.key': 'order_id', 'ecst.sequence': 'field:sequence' } }),
    contract('shipment-value', 'proto', 'PROTOBUF', 7),
  ];
}
