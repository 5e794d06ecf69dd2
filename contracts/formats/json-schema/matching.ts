/**
 * A largest set of pairs, no member used twice, from the compatible pairs of
 * two lists: what Confluent's `utils/MaximumCardinalityMatch.java`
 * (Hopcroft-Karp) gives `CombinedSchemaDiff`. Augmenting paths, tried in list
 * order; with several largest matchings the one chosen may differ from
 * Confluent's, which only changes which compatible differences are reported.
 */

export interface Edge<T> {
  left: number;
  right: number;
  value: T;
}

export function maximumMatching<T>(edges: Edge<T>[], leftCount: number): Edge<T>[] {
  const byLeft: Edge<T>[][] = Array.from({ length: leftCount }, () => []);
  for (const edge of edges) byLeft[edge.left]!.push(edge);
  const matchOfRight = new Map<number, Edge<T>>();
  const augment = (left: number, visited: Set<number>): boolean => {
    for (const edge of byLeft[left]!) {
      if (visited.has(edge.right)) continue;
      visited.add(edge.right);
      const current = matchOfRight.get(edge.right);
      if (current === undefined || augment(current.left, visited)) {
        matchOfRight.set(edge.right, edge);
        return true;
      }
    }
    return false;
  };
  for (let left = 0; left < leftCount; left++) augment(left, new Set());
  return [...matchOfRight.values()].sort((a, b) => a.left - b.left);
}
