/**
 * Object schemas: Confluent's `diff/ObjectSchemaDiff.java`, after the
 * maintainer's content models: an object is *open* when it allows any other
 * property (`additionalProperties` true or absent, no `patternProperties`,
 * `unevaluatedProperties` true or absent), *partially open* when other
 * properties must match a schema (a matching `patternProperties` entry, an
 * `additionalProperties` schema, or else an `unevaluatedProperties` schema),
 * and *closed* otherwise.
 *
 * A property added is judged by the original's model (data written with the
 * original may hold anything an open model allowed under that name); a
 * property removed by the update's model (the update must still accept what
 * was written under it).
 */
import type { Context } from './context.js';
import { compareBounds } from './keyword-bounds.js';
import type { ObjectNode, SchemaNode } from './model.js';
import { compilePattern } from './pattern.js';
import { compareSchemas } from './schema-diff.js';
import { compareUnevaluated } from './unevaluated.js';

export function compareObjects(ctx: Context, original: ObjectNode, update: ObjectNode): void {
  compareRequired(ctx, original, update);
  compareProperties(ctx, original, update);
  compareDependencies(ctx, original, update);
  compareAdditionalProperties(ctx, original, update);
  compareUnevaluated(ctx, 'PROPERTIES', original.unevaluatedProperties, update.unevaluatedProperties);
  compareBounds(ctx, 'Object', original.bounds, update.bounds);
}

export function isOpenContentModel(schema: ObjectNode): boolean {
  if (!schema.additionalProperties || schema.additionalPropertiesSchema || schema.patternProperties.length > 0) return false;
  const unevaluated = schema.unevaluatedProperties;
  return unevaluated === undefined || unevaluated.kind === 'Empty' || unevaluated.kind === 'True';
}

/** The schema a partially open model holds a property named `name` to, if any. */
function partiallyOpenSchema(schema: ObjectNode, name: string): SchemaNode | undefined {
  const pattern = schema.patternProperties.find((entry) => compilePattern(entry.pattern).test(name));
  if (pattern) return pattern.schema;
  if (schema.additionalPropertiesSchema) return schema.additionalPropertiesSchema;
  const unevaluated = schema.unevaluatedProperties;
  const additionalAbsent = schema.additionalProperties;
  if (additionalAbsent && unevaluated && !['False', 'Empty', 'True'].includes(unevaluated.kind)) return unevaluated;
  return undefined;
}

const hasDefault = (schema: SchemaNode | undefined) => schema?.defaultValue !== undefined;

function compareRequired(ctx: Context, original: ObjectNode, update: ObjectNode): void {
  ctx.at('required', () => {
    for (const name of original.properties.keys()) {
      if (!update.properties.has(name)) continue;
      const before = original.required.includes(name);
      const after = update.required.includes(name);
      if (before && !after) ctx.add('REQUIRED_ATTRIBUTE_REMOVED', name);
      else if (!before && after) {
        ctx.add(hasDefault(update.properties.get(name)) ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED' : 'REQUIRED_ATTRIBUTE_ADDED', name);
      }
    }
  });
}

function compareProperties(ctx: Context, original: ObjectNode, update: ObjectNode): void {
  const names = new Set([...original.properties.keys(), ...update.properties.keys()]);
  ctx.at('properties', () => {
    for (const name of names) {
      ctx.at(name, () => {
        const before = original.properties.get(name);
        const after = update.properties.get(name);
        if (after === undefined) propertyRemoved(ctx, before!, update, name);
        else if (before === undefined) propertyAdded(ctx, after, original, update, name);
        else compareSchemas(ctx, before, after);
      });
    }
  });
}

/** Compares against the schema a partially open model holds the property to; reports the verdict. */
function coveredBy(ctx: Context, before: SchemaNode, after: SchemaNode, covered: 'PROPERTY_ADDED' | 'PROPERTY_REMOVED'): void {
  const sub = ctx.sub();
  compareSchemas(sub, before, after);
  ctx.addAll(sub.differences);
  ctx.add(sub.isCompatible() ? `${covered}_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL` : `${covered}_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL`);
}

function propertyRemoved(ctx: Context, before: SchemaNode, update: ObjectNode, name: string): void {
  if (isOpenContentModel(update)) return ctx.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL');
  const partial = partiallyOpenSchema(update, name);
  if (partial) return coveredBy(ctx, before, partial, 'PROPERTY_REMOVED');
  ctx.add(before.kind === 'False' ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL');
}

function propertyAdded(ctx: Context, after: SchemaNode, original: ObjectNode, update: ObjectNode, name: string): void {
  const required = update.required.includes(name);
  if (isOpenContentModel(original)) {
    // Confluent asks whether the property's schema is an EmptySchema (which `true` also is).
    if (after.kind === 'Empty' || after.kind === 'True') ctx.add('PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL');
    else if (!required) ctx.add('OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
    else ctx.add(hasDefault(after) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
    return;
  }
  const partial = partiallyOpenSchema(original, name);
  if (partial) coveredBy(ctx, partial, after, 'PROPERTY_ADDED');
  if (!required) ctx.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
  else ctx.add(hasDefault(after) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
}

function compareDependencies(ctx: Context, original: ObjectNode, update: ObjectNode): void {
  ctx.at('dependencies', () => {
    const arrays = new Set([...original.propertyDependencies.keys(), ...update.propertyDependencies.keys()]);
    for (const name of arrays) {
      const before = original.propertyDependencies.get(name);
      const after = update.propertyDependencies.get(name);
      if (after === undefined) ctx.add('DEPENDENCY_ARRAY_REMOVED', name);
      else if (before === undefined) ctx.add('DEPENDENCY_ARRAY_ADDED', name);
      else {
        const extended = [...before].every((n) => after.has(n));
        const narrowed = [...after].every((n) => before.has(n));
        if (!(extended && narrowed)) {
          ctx.add(extended ? 'DEPENDENCY_ARRAY_EXTENDED' : narrowed ? 'DEPENDENCY_ARRAY_NARROWED' : 'DEPENDENCY_ARRAY_CHANGED', name);
        }
      }
    }
    const schemas = new Set([...original.schemaDependencies.keys(), ...update.schemaDependencies.keys()]);
    for (const name of schemas) {
      const before = original.schemaDependencies.get(name);
      const after = update.schemaDependencies.get(name);
      if (after === undefined) ctx.add('DEPENDENCY_SCHEMA_REMOVED', name);
      else if (before === undefined) ctx.add('DEPENDENCY_SCHEMA_ADDED', name);
      else ctx.at(name, () => compareSchemas(ctx, before, after));
    }
  });
}

function compareAdditionalProperties(ctx: Context, original: ObjectNode, update: ObjectNode): void {
  ctx.at('additionalProperties', () => {
    if (original.additionalProperties !== update.additionalProperties) {
      ctx.add(update.additionalProperties ? 'ADDITIONAL_PROPERTIES_ADDED' : 'ADDITIONAL_PROPERTIES_REMOVED');
    } else if (!original.additionalPropertiesSchema && update.additionalPropertiesSchema) {
      ctx.add('ADDITIONAL_PROPERTIES_NARROWED');
    } else if (original.additionalPropertiesSchema && !update.additionalPropertiesSchema) {
      ctx.add('ADDITIONAL_PROPERTIES_EXTENDED');
    } else {
      compareSchemas(ctx, original.additionalPropertiesSchema, update.additionalPropertiesSchema);
    }
  });
}
