/**
 * `api/openapi.yaml` and the routes the app answers are the same list
 * (STYLE 10): the Express router stack of the running app is walked, every
 * route and method must be an operation of the document and every operation
 * a route. A route added without its documentation (or the reverse) fails
 * here, naming it. Also: each operation is well-formed for the generated
 * client (a unique operationId, its path parameters declared, its errors in
 * Confluent's `{error_code, message}` body), and the document is what
 * `GET /openapi.json` serves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadOpenApiDocument } from '../../api/routes/openapi.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

type Operation = {
  operationId?: string;
  parameters?: Array<{ $ref?: string; in?: string; name?: string }>;
  responses?: Record<string, { $ref?: string }>;
};
type Document = {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: {
    parameters: Record<string, { in: string; name: string }>;
    responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  };
};

/** `/subjects/:subject/versions` → `/subjects/{subject}/versions`; other path syntax is refused, to be taught here. */
function openApiPath(expressPath: string): string {
  if (/[*?()[\]]|\{/.test(expressPath)) throw new Error(`route syntax this test does not translate yet: ${expressPath}`);
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** `METHOD /path` of every route in a router stack; `.all()` (our 405 answers) is not an operation. */
function routedOperations(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      if (typeof layer.route.path !== 'string') throw new Error(`route path that is not a string: ${String(layer.route.path)}`);
      const path = openApiPath(prefix + layer.route.path);
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${path}`);
    }
    if (!layer.handle.stack) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return routedOperations(layer.handle.stack, prefix + mount);
  });
}

function documentedOperations(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function operations(document: Document): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]] as [string, Operation]] : [])),
  );
}

const list = (items: string[]) => items.map((item) => `  ${item}`).join('\n');

let server: TestServer;
let routed: string[];
const document = loadOpenApiDocument() as unknown as Document;

describe('OpenAPI document and routes', () => {
  before(async () => {
    server = await startTestServer();
    const app = server.app as unknown as { router: { stack: Layer[] } };
    routed = [...new Set(routedOperations(app.router.stack))];
  });
  after(async () => {
    await server?.dispose();
  });

  test('the router walk sees the routes (a guard against walking nothing)', () => {
    assert.ok(routed.length >= 40, `only ${routed.length} routes found:\n${list(routed)}`);
    assert.ok(routed.includes('POST /subjects/{subject}/versions'));
  });

  test('every route the app answers is documented in api/openapi.yaml', () => {
    const documented = new Set(documentedOperations(document));
    const missing = routed.filter((operation) => !documented.has(operation));
    assert.deepEqual(
      missing,
      [],
      `Routed but not in api/openapi.yaml; document each under \`paths\` (with its responses, errors as ` +
        `#/components/responses/Error), then run \`npm run client:generate\`:\n${list(missing)}`,
    );
  });

  test('every operation of api/openapi.yaml is routed', () => {
    const answered = new Set(routed);
    const extra = documentedOperations(document).filter((operation) => !answered.has(operation));
    assert.deepEqual(extra, [], `Documented in api/openapi.yaml but no route answers it:\n${list(extra)}`);
  });

  test('operation ids are unique', () => {
    const ids = operations(document).map(([name, op]) => op.operationId ?? `(none on ${name})`);
    assert.deepEqual(
      ids.filter((id, i) => id.startsWith('(none') || ids.indexOf(id) !== i),
      [],
    );
  });

  test('every path parameter is declared by the operations of its path', () => {
    const problems = operations(document).flatMap(([name, op]) => {
      const declared = (op.parameters ?? [])
        .map((p) => (p.$ref ? document.components.parameters[p.$ref.split('/').pop()!] : p))
        .filter((p) => p?.in === 'path')
        .map((p) => p!.name);
      const inPath = [...name.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      return inPath.filter((p) => !declared.includes(p)).map((p) => `${name}: {${p}}`);
    });
    assert.deepEqual(problems, [], `Path parameters not declared:\n${list(problems)}`);
  });

  test("every operation answers its errors in Confluent's {error_code, message} body", () => {
    const problems = operations(document).flatMap(([name, op]) => {
      const responses = op.responses ?? {};
      const out: string[] = [];
      if (responses.default?.$ref !== '#/components/responses/Error') out.push(`${name}: no default response #/components/responses/Error`);
      for (const [status, response] of Object.entries(responses)) {
        if (status === 'default' || status.startsWith('2')) continue;
        const target = response.$ref ? document.components.responses[response.$ref.split('/').pop()!] : undefined;
        const schemas = Object.values(target?.content ?? {}).map((media) => media.schema?.$ref);
        if (schemas.length === 0 || schemas.some((ref) => ref !== '#/components/schemas/ErrorMessage')) {
          out.push(`${name} ${status}: not a shared response with the ErrorMessage schema`);
        }
      }
      return out;
    });
    assert.deepEqual(problems, [], list(problems));
  });

  test('GET /openapi.json serves the document as JSON', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(document)));
  });
});
