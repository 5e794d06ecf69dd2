/**
 * `npm run client:generate [-- --check]`: writes the registry client's types,
 * `client/generated/schema.d.ts`, from the API's OpenAPI document
 * (`api/openapi.yaml`) with openapi-typescript. The output is committed, so
 * that a fresh clone and `npm ci --omit=dev` need no generation step; with
 * `--check` nothing is written and the exit code is 1 when the committed file
 * differs from what the document gives today.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { openApiDocumentFile } from '../api/routes/openapi.js';

const DOCUMENT = openApiDocumentFile();
const OUTPUT = join(DOCUMENT, '..', '..', 'client', 'generated', 'schema.d.ts');
const SOURCE_NOTE = '// Generated from api/openapi.yaml by `npm run client:generate`.\n\n';

async function generatedClientTypes(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(DOCUMENT), { silent: true });
  return COMMENT_HEADER + SOURCE_NOTE + astToString(ast);
}

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const generated = await generatedClientTypes();
if (values.check) {
  const committed = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(`${OUTPUT} is stale: run \`npm run client:generate\` and commit the result`);
    process.exit(1);
  }
  console.log('client/generated/schema.d.ts is current');
} else {
  await writeFile(OUTPUT, generated);
  console.log(`wrote ${OUTPUT}`);
}
