/**
 * The order in which a folder's contracts are published: every contract
 * after the contracts of the same manifest it references, otherwise in
 * manifest order (Kahn's algorithm, always taking the earliest ready one).
 * A cycle cannot be registered (each side needs the other's version first)
 * and is a usage error naming it.
 */
import { UsageError } from '../command-exit.js';
import type { LocalContract } from './local-contract.js';

export function publishOrder(contracts: LocalContract[]): LocalContract[] {
  const subjects = new Set(contracts.map((c) => c.subject));
  const dependencies = new Map(
    contracts.map((c) => [c.subject, c.references.map((r) => r.subject).filter((s) => subjects.has(s) && s !== c.subject)]),
  );
  const ordered: LocalContract[] = [];
  const done = new Set<string>();
  while (ordered.length < contracts.length) {
    const next = contracts.find((c) => !done.has(c.subject) && dependencies.get(c.subject)!.every((d) => done.has(d)));
    if (!next) {
      const stuck = contracts.filter((c) => !done.has(c.subject)).map((c) => c.subject);
      throw new UsageError(`the contracts reference each other in a cycle: ${stuck.join(', ')}`);
    }
    ordered.push(next);
    done.add(next.subject);
  }
  return ordered;
}
