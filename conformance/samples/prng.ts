/**
 * The checker's seeded random numbers: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counter, as in PractRand), seeded through splitmix32 from the run's
 * seed and a label, so that each scenario and version draws from its own
 * stream: adding a scenario or a version does not change the samples of the
 * others, and `--seed N` repeats a run exactly. avsc's `Type#random()`
 * cannot be seeded, hence this.
 */

export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  private constructor(seed: number) {
    const next = splitmix32(seed);
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A stream for `seed` and the labels (scenario id, version, …). */
  static from(seed: number, ...labels: Array<string | number>): Prng {
    return new Prng(labels.reduce<number>((h, label) => hash32(String(label), h), seed >>> 0));
  }

  /** A new stream derived from this one's seed and a label; this one is not advanced. */
  fork(label: string | number): Prng {
    return new Prng(hash32(String(label), this.#a ^ this.#d));
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included (|max - min| < 2^32). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(probability = 0.5): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Fisher–Yates, in place; returns the list. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the label's UTF-16 code units, started from `basis`. */
function hash32(text: string, basis: number): number {
  let h = (basis ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A fresh seed for a run that was given none (reported, so the run can be repeated). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** `--seed` as given: a non-negative integer below 2^32. */
export function parseSeed(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value < 2 ** 32 ? value : undefined;
}
