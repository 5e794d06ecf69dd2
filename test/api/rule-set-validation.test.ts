/**
 * Rule sets validated as Confluent's `RuleSet.validate` and `Rule.validate`
 * do it (`confluent-parity-2.md` §4.3), table-driven over HTTP on SQLite and
 * PostgreSQL: every violation is 422 with 42210 and Confluent's message, in
 * its order (duplicates across the three lists, then the rule's own checks,
 * then the list's modes), wherever a rule set is accepted — registration,
 * `defaultRuleSet` and `overrideRuleSet` of a config, and the tags endpoint.
 * Rules that pass are stored; a registration's rule set is merged with the
 * config's by rule name, per list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { call } from '../support/http-call.js';

type Rules = Record<string, unknown>;
const rule = (fields: Record<string, unknown>) => ({ type: 'CEL', ...fields });

/** [what, rule set, Confluent's message]. */
const VIOLATIONS: Array<[string, Rules, string]> = [
  ['a name used twice in one list', { domainRules: [rule({ name: 'a' }), rule({ name: 'a' })] }, "Found rule with duplicate name 'a'"],
  [
    'a name used in two lists',
    { migrationRules: [rule({ name: 'a', mode: 'UPGRADE' })], encodingRules: [rule({ name: 'a' })] },
    "Found rule with duplicate name 'a'",
  ],
  ['no name', { domainRules: [rule({})] }, 'Missing rule name'],
  ['an empty name', { domainRules: [rule({ name: '' })] }, 'Empty rule name'],
  ['a name of 257 characters', { domainRules: [rule({ name: 'a'.repeat(257) })] }, 'Rule name too long'],
  ['a name starting with a digit', { domainRules: [rule({ name: '1rule' })] }, 'Illegal initial character in rule name: 1rule'],
  ['a name starting with a dash', { domainRules: [rule({ name: '-rule' })] }, 'Illegal initial character in rule name: -rule'],
  ['a name with a dot', { domainRules: [rule({ name: 'a.b' })] }, 'Illegal character in rule name: a.b'],
  ['a name with a space', { domainRules: [rule({ name: 'a b' })] }, 'Illegal character in rule name: a b'],
  ['no type', { domainRules: [{ name: 'a' }] }, 'Missing rule type'],
  [
    'two actions with mode WRITE',
    { domainRules: [rule({ name: 'a', mode: 'WRITE', onFailure: 'ERROR,NONE' })] },
    'Multiple actions only valid with WRITEREAD and UPDOWN',
  ],
  [
    'two actions with mode UPGRADE',
    { migrationRules: [rule({ name: 'a', mode: 'UPGRADE', onSuccess: 'NONE,NONE' })] },
    'Multiple actions only valid with WRITEREAD and UPDOWN',
  ],
  ['a migration rule without mode (WRITEREAD)', { migrationRules: [rule({ name: 'a' })] }, 'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN'],
  ['a migration rule for WRITE', { migrationRules: [rule({ name: 'a', mode: 'WRITE' })] }, 'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN'],
  ['a domain rule for UPGRADE', { domainRules: [rule({ name: 'a', mode: 'UPGRADE' })] }, 'Domain rules can only be WRITE, READ, WRITEREAD'],
  ['an encoding rule for UPDOWN', { encodingRules: [rule({ name: 'a', mode: 'UPDOWN' })] }, 'Encoding rules can only be WRITE, READ, WRITEREAD'],
  // The rule's own checks come before the list's mode check, and lists go migration, domain, encoding.
  ['a bad name in a rule of the wrong mode', { migrationRules: [rule({ name: '9', mode: 'WRITE' })] }, 'Illegal initial character in rule name: 9'],
  [
    'a domain violation after a migration one',
    { domainRules: [rule({ name: 'd', mode: 'UPGRADE' })], migrationRules: [rule({ name: 'm', mode: 'WRITE' })] },
    'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN',
  ],
];

const ACCEPTED: Array<[string, Rules]> = [
  ['Unicode letters, digits, _ and - in names', { domainRules: [rule({ name: 'régle_1-ä' }), rule({ name: '_private' })] }],
  ['two actions with WRITEREAD (the default mode)', { domainRules: [rule({ name: 'a', onSuccess: 'NONE,NONE', onFailure: 'ERROR,NONE' })] }],
  ['two actions with UPDOWN', { migrationRules: [rule({ name: 'a', mode: 'UPDOWN', onFailure: 'ERROR,NONE' })] }],
  ['a name of 256 characters', { domainRules: [rule({ name: 'a'.repeat(256) })] }],
];

for (const backend of backends()) {
  describe(`rule set validation, ${backend.name}`, { skip: backend.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(backend);
      assert.equal((await call(server.url, 'POST', '/subjects/tagged-value/versions', { schema: customerSchema() })).status, 200);
    });
    after(() => server?.dispose());

    const places = (ruleSet: Rules): Array<[string, string, string, unknown]> => [
      ['register', 'POST', '/subjects/rules-value/versions', { schema: customerSchema(), ruleSet }],
      ['defaultRuleSet', 'PUT', '/config/rules-value', { defaultRuleSet: ruleSet }],
      ['overrideRuleSet', 'PUT', '/config', { overrideRuleSet: ruleSet }],
      ['tags', 'POST', '/subjects/tagged-value/versions/1/tags', { ruleSet }],
    ];

    for (const [what, ruleSet, message] of VIOLATIONS) {
      it(`${what}: 42210 ${message}`, async () => {
        for (const [place, method, path, body] of places(ruleSet)) {
          assert.deepEqual(await call(server.url, method, path, body), { status: 422, body: { error_code: 42210, message } }, place);
        }
      });
    }

    for (const [what, ruleSet] of ACCEPTED) {
      it(`accepted: ${what}`, async () => {
        const subject = `accepted-${ACCEPTED.findIndex(([w]) => w === what)}-value`;
        const registered = await call(server.url, 'POST', `/subjects/${subject}/versions`, { schema: customerSchema(), ruleSet });
        assert.equal(registered.status, 200, JSON.stringify(registered.body));
        assert.deepEqual(registered.body.ruleSet, ruleSet);
      });
    }

    it("a registration's rules are merged with the config's by name, per list", async () => {
      const subject = 'merged-value';
      const config = await call(server.url, 'PUT', `/config/${subject}`, {
        defaultRuleSet: { domainRules: [rule({ name: 'keep' }), rule({ name: 'replaced', expr: 'old' })] },
        overrideRuleSet: { encodingRules: [rule({ name: 'always' })] },
      });
      assert.equal(config.status, 200);
      const registered = await call(server.url, 'POST', `/subjects/${subject}/versions`, {
        schema: customerSchema(),
        ruleSet: { domainRules: [rule({ name: 'replaced', expr: 'new' }), rule({ name: 'added' })] },
      });
      assert.equal(registered.status, 200, JSON.stringify(registered.body));
      assert.deepEqual(registered.body.ruleSet, {
        domainRules: [rule({ name: 'keep' }), rule({ name: 'replaced', expr: 'new' }), rule({ name: 'added' })],
        encodingRules: [rule({ name: 'always' })],
      });
    });
  });
}
