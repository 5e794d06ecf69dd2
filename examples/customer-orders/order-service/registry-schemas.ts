/**
 * Writer schemas by id from the registry (`GET /schemas/ids/{id}`), each
 * fetched once: schemas by id never change. A 404 means an id the registry
 * does not hold (a poison message), not a failure of the registry.
 */
export function registrySchemas(registryUrl: string): (id: number) => Promise<string | undefined> {
  const cache = new Map<number, Promise<string | undefined>>();
  return (id) => {
    let schema = cache.get(id);
    if (!schema) {
      schema = fetch(`${registryUrl.replace(/\/+$/, '')}/schemas/ids/${id}`).then(async (response) => {
        if (response.status === 404) return undefined;
        if (!response.ok) throw new Error(`The registry answered ${response.status} for schema ${id}`);
        return ((await response.json()) as { schema: string }).schema;
      });
      schema.catch(() => cache.delete(id));
      cache.set(id, schema);
    }
    return schema;
  };
}
