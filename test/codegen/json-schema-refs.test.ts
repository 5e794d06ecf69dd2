/**
 * JSON Schema `$ref`s to other registered documents, registered on the real
 * registry with Confluent references (`{ name, subject, version }`), read
 * back with them resolved: a `$ref` names a referenced document by its
 * reference name, as an absolute URL or relative to the referring
 * document's `$id`, or by the referenced document's own `$id`, with or
 * without a pointer into it (`#/$defs/…`), and referenced documents
 * reference further ones. The generated types are the referenced
 * documents' types (named after them, declared once), the code compiles
 * under `strict`, values round-trip, and ajv resolves every `$ref` on
 * encode and decode, so the referenced documents' constraints hold.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { generate, readContracts } from '../../codegen/index.js';
import type { ResolvedReference } from '../../contracts/schema.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { register } from './support/registry.js';

const BASE = 'https://schemas.example.com/shop/';

/** Referenced by money.json, by a name relative to money.json's `$id`. */
const currency = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}common/currency.json`,
  title: 'Currency',
  type: 'string',
  enum: ['EUR', 'GBP', 'USD'],
};
const money = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}common/money.json`,
  title: 'Money',
  type: 'object',
  properties: { amount: { $ref: '#/$defs/Amount' }, currency: { $ref: 'currency.json' } },
  required: ['amount', 'currency'],
  additionalProperties: false,
  $defs: { Amount: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' } },
};
/** Registered without an `$id`: known only by its reference name. */
const address = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Address',
  type: 'object',
  properties: { city: { type: 'string', minLength: 1 }, country: { type: 'string', minLength: 2, maxLength: 2 } },
  required: ['city'],
};
const invoice = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}invoice.json`,
  title: 'Invoice',
  type: 'object',
  properties: {
    invoice_id: { type: 'string' },
    // Relative to the invoice's $id.
    total: { $ref: 'common/money.json' },
    // Absolute, into the referenced document's $defs.
    tax: { $ref: `${BASE}common/money.json#/$defs/Amount` },
    // By the referenced document's own $id, through a document (money.json) that references it.
    currency: { $ref: `${BASE}common/currency.json` },
    lines: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, price: { $ref: 'common/money.json' } }, required: ['label', 'price'] } },
    // By its reference name, which is not a URL.
    billing: { $ref: 'address.json' },
  },
  required: ['invoice_id', 'total', 'lines'],
};

interface InvoiceModule {
  encodeInvoice(value: unknown): Buffer;
  decodeInvoice(bytes: Uint8Array): unknown;
}

const CONSUMER = `import type { Invoice } from './invoice-json.js';

export function sum(invoice: Invoice): string {
  const currency: 'EUR' | 'GBP' | 'USD' = invoice.total.currency;
  return \`\${invoice.lines.map((line) => line.price.amount).join('+')} \${currency} \${invoice.billing?.city ?? ''}\`;
}
`;

describe('JSON Schema $ref to referenced documents', () => {
  let server: TestServer;
  let out: CompiledOutput;
  let invoiceModule: InvoiceModule;
  let warnings: string[];

  before(async () => {
    server = await startTestServer();
    await register(server.url, 'currency-json', JSON.stringify(currency), 'JSON');
    await register(server.url, 'money-json', JSON.stringify(money), 'JSON', undefined, [{ name: `${BASE}common/currency.json`, subject: 'currency-json', version: 1 }]);
    await register(server.url, 'address-json', JSON.stringify(address), 'JSON');
    await register(server.url, 'invoice-json', JSON.stringify(invoice), 'JSON', undefined, [
      { name: `${BASE}common/money.json`, subject: 'money-json', version: 1 },
      { name: 'address.json', subject: 'address-json', version: 1 },
    ]);
    const generated = generate(await readContracts([{ subject: 'invoice-json' }], server.url));
    warnings = generated.warnings;
    out = compileGenerated(generated.files, 'json-schema-refs', { 'consumer.ts': CONSUMER });
    invoiceModule = await out.load<InvoiceModule>('invoice-json');
  });
  after(async () => {
    out?.dispose();
    await server?.dispose();
  });

  test('follows every $ref without a warning', () => {
    assert.deepEqual(warnings, []);
  });

  test('compiles under strict, the consumer included, with no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test("types each $ref as the referenced document's type, declared once", () => {
    const text = readFileSync(`${out.dir}/invoice-json.ts`, 'utf8');
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, / total: MoneyV1;/);
    assert.match(flat, / tax\?: AmountV1;/);
    assert.match(flat, / currency\?: CurrencyV1;/);
    assert.match(flat, / price: MoneyV1;/);
    assert.match(flat, / billing\?: AddressV1;/);
    assert.match(flat, /export interface MoneyV1 \{ .*amount: AmountV1; .*currency: CurrencyV1; \}/);
    assert.match(flat, /export type CurrencyV1 = 'EUR' \| 'GBP' \| 'USD';/);
    assert.match(flat, /export type AmountV1 = string;/);
    assert.equal(text.match(/export interface MoneyV1\b/g)?.length, 1);
    assert.equal(text.match(/export type CurrencyV1\b/g)?.length, 1);
  });

  test('round-trips a value through every referenced document', () => {
    const value = {
      invoice_id: 'i-1',
      total: { amount: '30.00', currency: 'EUR' },
      tax: '5.00',
      currency: 'EUR',
      lines: [
        { label: 'a', price: { amount: '10.00', currency: 'EUR' } },
        { label: 'b', price: { amount: '20.00', currency: 'EUR' } },
      ],
      billing: { city: 'Utrecht', country: 'NL' },
    };
    assert.deepStrictEqual(invoiceModule.decodeInvoice(invoiceModule.encodeInvoice(value)), value);
  });

  test("ajv checks the referenced documents' constraints on encode, naming the fields", () => {
    assert.throws(
      () =>
        invoiceModule.encodeInvoice({
          invoice_id: 'i-2',
          total: { amount: '30', currency: 'EUR', extra: 1 },
          tax: 'x',
          currency: 'JPY',
          lines: [{ label: 'a', price: { amount: '1.00', currency: 'CHF' } }],
          billing: { city: '' },
        }),
      (error: Error & { issues?: { path: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        const paths = new Set(error.issues?.map((i) => i.path));
        for (const path of ['total.amount', 'total', 'tax', 'currency', 'lines[0].price.currency', 'billing.city']) assert.ok(paths.has(path), `${path} in ${[...paths].join(', ')}`);
        return true;
      },
    );
  });

  test("and on decode: bytes another producer wrote that break a referenced document's rules are refused", () => {
    const bytes = Buffer.concat([invoiceModule.encodeInvoice({ invoice_id: 'i-3', total: { amount: '1.00', currency: 'EUR' }, lines: [] }).subarray(0, 5), Buffer.from(JSON.stringify({ invoice_id: 'i-3', total: { amount: '1.00', currency: 'XXX' }, lines: [] }))]);
    assert.throws(() => invoiceModule.decodeInvoice(bytes), /total\.currency: must be equal to one of the allowed values/);
  });
});

describe('JSON Schema $ref: relative names resolve from the referring document, as ajv resolves them', () => {
  const reference = (name: string, schema: object, references: ResolvedReference[] = []): ResolvedReference => ({
    name,
    subject: name.replace(/\W+/g, '-'),
    version: 1,
    schemaType: 'JSON',
    schema: JSON.stringify(schema),
    references,
  });
  // Two documents named money.json, in two folders; each order document means the one next to it.
  const euMoney = reference('eu/money.json', { title: 'EuroAmount', type: 'object', properties: { euros: { type: 'string' } }, required: ['euros'] });
  const usMoney = reference('us/money.json', { title: 'DollarAmount', type: 'object', properties: { dollars: { type: 'number' } }, required: ['dollars'] });
  const euOrder = reference('eu/order.json', { title: 'EuOrder', type: 'object', properties: { price: { $ref: 'money.json' } }, required: ['price'] }, [euMoney]);
  const usOrder = reference('us/order.json', { title: 'UsOrder', type: 'object', properties: { price: { $ref: 'money.json' } }, required: ['price'] }, [usMoney]);
  const root = { title: 'Orders', type: 'object', properties: { eu: { $ref: 'eu/order.json' }, us: { $ref: 'us/order.json' } }, required: ['eu', 'us'] };
  let out: CompiledOutput;

  before(() => {
    const { files, warnings } = generate([
      { subject: 'orders-json', versions: [{ version: 1, id: 90, schemaType: 'JSON', schema: JSON.stringify(root), references: [usOrder, euOrder] }] },
    ]);
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'json-schema-relative-refs');
  });
  after(() => out?.dispose());

  test("types each relative $ref as the document next to the referring one", () => {
    assert.equal(out.diagnostics, '');
    const flat = readFileSync(`${out.dir}/orders-json.ts`, 'utf8').replace(/\s+/g, ' ');
    assert.match(flat, /export interface EuOrderV1 \{ price: EuroAmountV1; \}/);
    assert.match(flat, /export interface UsOrderV1 \{ price: DollarAmountV1; \}/);
  });

  test('and ajv agrees: values round-trip, and the wrong money is refused', async () => {
    const orders = await out.load<{ encodeOrders(value: unknown): Buffer; decodeOrders(bytes: Uint8Array): unknown }>('orders-json');
    const value = { eu: { price: { euros: '1.00' } }, us: { price: { dollars: 1 } } };
    assert.deepStrictEqual(orders.decodeOrders(orders.encodeOrders(value)), value);
    assert.throws(() => orders.encodeOrders({ eu: { price: { dollars: 1 } }, us: { price: { dollars: 1 } } }), /eu\.price\.euros: is required/);
  });
});
