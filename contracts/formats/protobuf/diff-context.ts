/**
 * The state of one comparison: Confluent's `diff/Context.java` beyond type
 * lookup — the differences found so far at the current path, the messages
 * being compared (so a recursive type is compared once), and sub-contexts
 * for comparing a referenced message type on its own.
 */
import { isCompatibleChange, protobufDifference, type ProtobufDifference, type ProtobufDifferenceType } from './differences.js';
import type { MessageElement } from './elements.js';
import { TypeContext } from './type-context.js';

export class DiffContext extends TypeContext {
  readonly differences: ProtobufDifference[] = [];
  private schemas = new Set<MessageElement>();

  /** A context with the same types, scope, path and messages in progress, and no differences yet. */
  subcontext(): DiffContext {
    const ctx = new DiffContext();
    ctx.types = this.types;
    ctx.extendFields = this.extendFields;
    ctx.packageNames = { ...this.packageNames };
    ctx.fullPath = [...this.fullPath];
    ctx.fullName = [...this.fullName];
    ctx.schemas = new Set(this.schemas);
    return ctx;
  }

  /** Runs `body` unless `message` is already being compared further up (then nothing). */
  inSchema(message: MessageElement, body: () => void): void {
    if (this.schemas.has(message)) return;
    this.schemas.add(message);
    try {
      body();
    } finally {
      this.schemas.delete(message);
    }
  }

  add(type: ProtobufDifferenceType, segment?: string): void {
    const path = segment === undefined ? this.fullPath : [...this.fullPath, segment];
    this.differences.push(protobufDifference(type, `#/${path.join('/')}`));
  }

  isCompatible(): boolean {
    return this.differences.every((d) => isCompatibleChange(d.type));
  }
}
