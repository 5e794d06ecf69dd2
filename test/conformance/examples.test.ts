/**
 * Every folder under `examples/` runs: its `main.ts` exits 0; where it has
 * a `creg.config.json`, the generated code it commits is what
 * `creg codegen --check` would generate; and where it has a `conform.json`
 * (`{ "contracts", "replica" }`, paths relative to the folder),
 * `creg conform` passes its replica against its contract.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { creg, ROOT } from './support/creg.js';

const EXAMPLES = join(ROOT, 'examples');
const folders = readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('examples', () => {
  it('there is at least one', () => assert.ok(folders.length > 0));

  for (const folder of folders) {
    const dir = join(EXAMPLES, folder);
    describe(folder, () => {
      it('main.ts runs to the end', () => {
        const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'main.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
        assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      });

      const codegenConfig = join(dir, 'creg.config.json');
      it('its generated code is up to date (creg codegen --check)', { skip: existsSync(codegenConfig) ? false : 'no creg.config.json' }, async () => {
        const run = await creg(['codegen', '--check', '--config', codegenConfig]);
        assert.equal(run.code, 0, `${run.stdout}${run.stderr}`);
        assert.match(run.stdout, /generated code is up to date/);
      });

      const conformFile = join(dir, 'conform.json');
      it('its replica passes creg conform', { skip: existsSync(conformFile) ? false : 'no conform.json' }, async () => {
        const { contracts, replica } = JSON.parse(readFileSync(conformFile, 'utf8')) as { contracts: string; replica: string };
        const run = await creg(['conform', '--contracts', join(dir, contracts), '--replica', join(dir, replica)]);
        assert.equal(run.code, 0, `${run.stdout}${run.stderr}`);
        assert.match(run.stdout, /^PASSED: \d+ passed, 0 failed, 0 skipped/m);
      });
    });
  }
});
