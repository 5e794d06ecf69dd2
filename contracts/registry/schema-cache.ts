/**
 * Schemas by id are immutable, so they are cached in memory for the life of
 * the process, with their parsed form. Only a hard delete evicts an entry
 * (the id then answers 40403; ids are never reused): on this node directly,
 * on the others when the store tells them (`Store.onSchemasRemoved`).
 */
import type { ParsedSchema } from '../formats/format.js';
import type { StoredSchema } from '../schema.js';

export class SchemaCache {
  private readonly byId = new Map<number, StoredSchema>();
  private readonly parsedById = new Map<number, ParsedSchema>();
  /** Look-ups answered from memory and not, since the process started (for metrics). */
  hits = 0;
  misses = 0;

  get(id: number): StoredSchema | undefined {
    const found = this.byId.get(id);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }

  get size(): number {
    return this.byId.size;
  }

  put(schema: StoredSchema): StoredSchema {
    const cached = this.byId.get(schema.id);
    if (cached) return cached;
    this.byId.set(schema.id, schema);
    return schema;
  }

  parsed(id: number): ParsedSchema | undefined {
    return this.parsedById.get(id);
  }

  putParsed(id: number, parsed: ParsedSchema): void {
    this.parsedById.set(id, parsed);
  }

  evict(id: number): void {
    this.byId.delete(id);
    this.parsedById.delete(id);
  }

  clear(): void {
    this.byId.clear();
    this.parsedById.clear();
  }
}
