/**
 * The checker's side of a replica, whatever way it is attached (`module-
 * replica.ts`, `http-replica.ts`): sessions whose calls never throw but
 * answer what happened, each bounded by a timeout so that a replica that
 * hangs fails its step instead of stalling the run.
 */
import type { ReplicaMessage } from './protocol.js';

export type ApplyOutcome = { ok: true } | { ok: false; error: string };
export type ReadOutcome = { present: false } | { present: true; state: unknown } | { present?: undefined; error: string };

export interface ReplicaSession {
  apply(message: ReplicaMessage): Promise<ApplyOutcome>;
  get(key: string): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** What a replica declares about itself (`Replica.fields`, `.readerVersion`; `GET URL/replica`). */
export interface ReplicaDeclaration {
  fields?: string[];
  readerVersion?: number;
}

export interface ReplicaAttachment {
  /** For reports: the module path or the URL. */
  readonly description: string;
  /** True when each session is a fresh, empty replica; false when they share one (distinct keys then keep steps apart). */
  readonly isolated: boolean;
  /** True when the replica can resolve the scratch schema ids of future writers (through `ReplicaContext.schemaById`). */
  readonly resolvesScratchSchemas: boolean;
  declaration(): Promise<ReplicaDeclaration>;
  open(): Promise<ReplicaSession>;
  /** Releases what the attachment holds (nothing for modules, whose sessions close themselves). */
  close(): Promise<void>;
}

export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

export class TimeoutError extends Error {}

/** The promise, or a `TimeoutError` after `ms`. */
export async function withTimeout<T>(work: () => T | Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}
