/**
 * Validation of data-contract rule sets, as Confluent's `RuleSet.validate` and
 * `Rule.validate` do it; a violation is error 42210.
 */
import { errors } from './errors.js';
import type { Rule, RuleSet } from './schema.js';

const NAME_MAX_LENGTH = 256;
const MIGRATION_MODES = new Set(['UPGRADE', 'DOWNGRADE', 'UPDOWN']);
const DOMAIN_MODES = new Set(['WRITE', 'READ', 'WRITEREAD']);
const BOTH_WAYS = new Set(['WRITEREAD', 'UPDOWN']);
const LISTS = [
  { key: 'migrationRules', modes: MIGRATION_MODES, message: 'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN' },
  { key: 'domainRules', modes: DOMAIN_MODES, message: 'Domain rules can only be WRITE, READ, WRITEREAD' },
  { key: 'encodingRules', modes: DOMAIN_MODES, message: 'Encoding rules can only be WRITE, READ, WRITEREAD' },
] as const;

export function validateRuleSet(ruleSet: RuleSet | undefined): void {
  if (!ruleSet) return;
  const names = new Set<string>();
  for (const list of LISTS) {
    for (const rule of ruleSet[list.key] ?? []) {
      if (names.has(rule.name)) throw errors.invalidRuleSet(`Found rule with duplicate name '${rule.name}'`);
      names.add(rule.name);
      validateRule(rule);
      // Confluent's default mode is WRITEREAD, which is not a migration mode.
      if (!list.modes.has(rule.mode ?? 'WRITEREAD')) throw errors.invalidRuleSet(list.message);
    }
  }
}

function validateRule(rule: Rule): void {
  const name: unknown = rule.name;
  if (typeof name !== 'string') throw errors.invalidRuleSet('Missing rule name');
  if (name.length === 0) throw errors.invalidRuleSet('Empty rule name');
  if (name.length > NAME_MAX_LENGTH) throw errors.invalidRuleSet('Rule name too long');
  if (!/^[\p{L}_]/u.test(name)) throw errors.invalidRuleSet(`Illegal initial character in rule name: ${name}`);
  if (!/^.[\p{L}\p{N}_-]*$/u.test(name)) throw errors.invalidRuleSet(`Illegal character in rule name: ${name}`);
  if (typeof rule.type !== 'string') throw errors.invalidRuleSet('Missing rule type');
  // "A,B" means A on write (or upgrade) and B on read (or downgrade): only for modes that do both.
  const several = [rule.onSuccess, rule.onFailure].some((action) => typeof action === 'string' && action.includes(','));
  if (several && !BOTH_WAYS.has(rule.mode ?? 'WRITEREAD')) throw errors.invalidRuleSet('Multiple actions only valid with WRITEREAD and UPDOWN');
}
