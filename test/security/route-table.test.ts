/**
 * The route table is the whole API: every route the app's router answers
 * has exactly one row (same method, same path), and every row is a route,
 * so a route added without deciding who may call it fails here, naming it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { createApp } from '../../api/app.js';
import type { Registry } from '../../contracts/registry/index.js';
import { findRoute, ROUTE_TABLE } from '../../security/route-table.js';

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

function routed(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${String(layer.route!.path)}`);
    }
    return layer.handle.stack ? routed(layer.handle.stack) : [];
  });
}

test('every route of the router has one row in the route table, and every row is a route', () => {
  const app = createApp({ registry: { store: {} } as unknown as Registry, logger: pino({ level: 'silent' }) });
  const routes = routed((app as unknown as { router: { stack: Layer[] } }).router.stack).sort();
  const rows = ROUTE_TABLE.map((row) => `${row.method} ${row.path}`).sort();
  assert.deepEqual(new Set(rows).size, rows.length, 'a route appears twice in the table');
  assert.deepEqual(rows.filter((r) => !routes.includes(r)), [], 'rows that are no route');
  assert.deepEqual(routes.filter((r) => !rows.includes(r)), [], 'routes missing from the table (they fail closed)');
});

test('requests find their row as the router would: decoded parameters, HEAD as GET, trailing slash, 405 apart from 404', () => {
  const found = findRoute('GET', '/subjects/a%2Fb/versions/latest');
  assert.equal(found.row?.path, '/subjects/:subject/versions/:version');
  assert.deepEqual(found.row && { ...found.params }, { subject: 'a/b', version: 'latest' });
  assert.equal(findRoute('HEAD', '/schemas/ids/1').row?.path, '/schemas/ids/:id');
  assert.equal(findRoute('GET', '/subjects/').row?.path, '/subjects');
  assert.deepEqual(findRoute('PATCH', '/subjects'), { knownPath: true });
  assert.deepEqual(findRoute('GET', '/nowhere'), { knownPath: false });
  assert.throws(() => findRoute('GET', '/subjects/%E0%A4%A'), URIError);
});
