/**
 * The state of one comparison: Confluent's `diff/Context.java`. It holds the
 * path being compared, the differences found there, and, shared by all
 * sub-contexts, the memo of compared schema pairs (by identity, differences
 * relative to the pair and rebased on reuse), the pairs on the stack (a pair
 * met again is a recursive cycle, assumed compatible and not memoised) and the
 * seed of pairs a previous pass found incompatible (`schema-diff.ts` iterates
 * to a fixed point).
 */
import type { JsonDifferenceType } from './differences.js';
import type { SchemaNode } from './model.js';

/** A difference before rendering: its type and JSON-pointer-like path (`#/properties/foo`). */
export interface Found {
  type: JsonDifferenceType;
  path: string;
}

type PairMap<T> = Map<SchemaNode, Map<SchemaNode, T>>;

const getPair = <T>(map: PairMap<T>, a: SchemaNode, b: SchemaNode): T | undefined => map.get(a)?.get(b);
const setPair = <T>(map: PairMap<T>, a: SchemaNode, b: SchemaNode, value: T) => {
  const inner = map.get(a) ?? new Map<SchemaNode, T>();
  inner.set(b, value);
  map.set(a, inner);
};

interface Shared {
  readonly compatible: ReadonlySet<JsonDifferenceType>;
  readonly memo: PairMap<readonly Found[]>;
  readonly inProgress: PairMap<true>;
  readonly incompatibleSeed: PairMap<readonly Found[]>;
  optimismUsed: boolean;
}

export class Context {
  readonly differences: Found[] = [];
  private readonly path: string[];

  private constructor(
    private readonly shared: Shared,
    path: string[],
  ) {
    this.path = [...path];
  }

  static root(compatible: ReadonlySet<JsonDifferenceType>, incompatibleSeed: PairSet = new Map()): Context {
    return new Context({ compatible, memo: new Map(), inProgress: new Map(), incompatibleSeed, optimismUsed: false }, []);
  }

  /** A context at the same path with its own differences and the shared memo. */
  sub(): Context {
    return new Context(this.shared, this.path);
  }

  /** Runs `body` with `segment` (which may hold slashes, as `items/0`) appended to the path. */
  at<T>(segment: string, body: () => T): T {
    this.path.push(segment);
    try {
      return body();
    } finally {
      this.path.pop();
    }
  }

  add(type: JsonDifferenceType, segment?: string): void {
    const path = segment === undefined ? this.path : [...this.path, segment];
    this.differences.push({ type, path: `#/${path.join('/')}` });
  }

  addAll(found: readonly Found[]): void {
    this.differences.push(...found);
  }

  isCompatible(): boolean {
    return this.differences.every((d) => this.shared.compatible.has(d.type));
  }

  /**
   * The differences between a pair relative to the pair, memoised; a pair on
   * the stack is a cycle: its seeded differences, or none (optimistically).
   */
  compareMemoized(original: SchemaNode, update: SchemaNode, compare: (ctx: Context) => void): readonly Found[] {
    const { memo, inProgress, incompatibleSeed } = this.shared;
    const cached = getPair(memo, original, update);
    if (cached !== undefined) return cached;
    if (getPair(inProgress, original, update)) {
      const seeded = getPair(incompatibleSeed, original, update);
      if (seeded !== undefined) return seeded;
      this.shared.optimismUsed = true;
      return [];
    }
    setPair(inProgress, original, update, true);
    try {
      const ctx = new Context(this.shared, []);
      compare(ctx);
      const result = [...ctx.differences];
      setPair(memo, original, update, result);
      return result;
    } finally {
      inProgress.get(original)?.delete(update);
    }
  }

  /** Pair-relative differences placed under the current path (`#/` is the pair itself). */
  addRebased(relative: readonly Found[]): void {
    if (this.path.length === 0) return this.addAll(relative);
    const prefix = `#/${this.path.join('/')}`;
    for (const d of relative) this.differences.push({ type: d.type, path: d.path.length <= 2 ? prefix : `${prefix}/${d.path.slice(2)}` });
  }

  /** Memoised pairs whose differences are incompatible: the next pass's seed. */
  incompatiblePairs(): PairSet {
    const result: PairSet = new Map();
    for (const [original, inner] of this.shared.memo) {
      for (const [update, found] of inner) {
        if (found.some((d) => !this.shared.compatible.has(d.type))) setPair(result, original, update, found);
      }
    }
    return result;
  }

  get usedOptimism(): boolean {
    return this.shared.optimismUsed;
  }
}

export type PairSet = PairMap<readonly Found[]>;

/** Whether two pair maps hold the same pairs. */
export function samePairs(a: PairSet, b: PairSet): boolean {
  const count = (map: PairSet) => [...map.values()].reduce((sum, inner) => sum + inner.size, 0);
  if (count(a) !== count(b)) return false;
  return [...a].every(([original, inner]) => [...inner.keys()].every((update) => b.get(original)?.has(update)));
}
