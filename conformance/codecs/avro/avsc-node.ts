/**
 * The parts of avsc's `Type` classes the checker walks, which avsc's own
 * typings leave out (`fields`, `types`, `itemsType`, …), and the branch of
 * an unwrapped or wrapped union that holds a value.
 */
import type { Type } from 'avsc';

export interface AvscNode {
  readonly typeName: string;
  readonly branchName?: string;
  readonly name?: string;
  readonly fields?: ReadonlyArray<{ name: string; type: AvscNode }>;
  readonly types?: readonly AvscNode[];
  readonly itemsType?: AvscNode;
  readonly valuesType?: AvscNode;
  isValid(value: unknown): boolean;
}

export const asNode = (type: Type): AvscNode => type as unknown as AvscNode;

export const isWrappedUnion = (node: AvscNode): boolean => node.typeName === 'union:wrapped';

/** A value for branch `index` of a union, wrapped as avsc expects when the union is wrapped. */
export function unionValue(node: AvscNode, index: number, value: unknown): unknown {
  const branch = node.types![index]!;
  if (value === null || !isWrappedUnion(node)) return value;
  return { [branch.branchName!]: value };
}

/**
 * The index of the union branch holding `value`, and the value inside:
 * a wrapped value (`{ "string": "x" }`) names its branch; otherwise the first
 * branch that accepts the value, as avsc picks for unwrapped unions.
 */
export function unionBranch(node: AvscNode, value: unknown): { index: number; inner: unknown } | undefined {
  const types = node.types!;
  if (value === null || value === undefined) {
    const index = types.findIndex((t) => t.typeName === 'null');
    return index < 0 ? undefined : { index, inner: null };
  }
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const index = types.findIndex((t) => t.branchName === keys[0]);
      const inner = (value as Record<string, unknown>)[keys[0]!];
      if (index >= 0 && (isWrappedUnion(node) || !types.some((t) => t.isValid(value)))) return { index, inner };
    }
  }
  const index = types.findIndex((t) => t.typeName !== 'null' && t.isValid(value));
  return index < 0 ? undefined : { index, inner: value };
}
