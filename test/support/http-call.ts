/**
 * One request to a registry with `fetch`, a JSON body sent with Confluent's
 * content type, the status and the parsed JSON answer returned: what the
 * HTTP tests that compare answers with `deepEqual` need.
 */
const V1 = 'application/vnd.schemaregistry.v1+json';

export async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': V1 },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
