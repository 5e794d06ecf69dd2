/**
 * The order references are parsed in, for every format that resolves names
 * across references (Avro, Protobuf, and codegen's JSON Schema): Confluent's
 * `AbstractSchemaProvider.resolveReferences` — the transitive closure, each
 * reference name once, depth first with a reference's own references before
 * it, so every name is defined before a later schema uses it.
 */
import type { ResolvedReference } from '../schema.js';

export function flattenReferences(references: ResolvedReference[]): ResolvedReference[] {
  const result: ResolvedReference[] = [];
  const visited = new Set<string>();
  const visit = (list: ResolvedReference[]) => {
    for (const reference of list) {
      if (visited.has(reference.name)) continue;
      visited.add(reference.name);
      visit(reference.references);
      result.push(reference);
    }
  };
  visit(references);
  return result;
}
