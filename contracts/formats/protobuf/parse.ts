/**
 * Parses and validates Protobuf schema text with its references, as
 * Confluent's `ProtobufSchemaProvider.parseSchemaOrElseThrow` and
 * `ProtobufSchema.validate` do: the text and every reference must parse, and
 * every type name must resolve, imports resolving to references by import
 * path (`name`) or else to the well-known files. A text may also be a base64
 * `FileDescriptorProto` (see `descriptor-input.ts`). Each text is read twice:
 * into the element tree Confluent renders and compares (`proto-parser.ts`),
 * and by protobufjs into a `Root` of the schema and its dependencies, which
 * judges the rest (duplicate names and numbers, bad ids, unresolved types).
 * Errors are 42201 naming the line and column.
 */
import protobuf from 'protobufjs';
import { errors, type RegistryError } from '../../errors.js';
import type { ResolvedReference } from '../../schema.js';
import { flattenReferences } from '../references.js';
import type { ProtoFileElement } from './elements.js';
import { fileFromDescriptor } from './descriptor-input.js';
import { locateError } from './error-location.js';
import { FormatContext } from './format-context.js';
import { protoText } from './proto-text.js';
import { parseProtoFile } from './proto-parser.js';
import { ProtoSyntaxError } from './syntax-reader.js';
import { checkTypeNames } from './type-check.js';
import type { ReferenceKey, SchemaFiles } from './type-context.js';
import { wellKnownFiles, wellKnownTexts } from './well-known/index.js';

export interface ParsedProtobuf extends SchemaFiles {
  /** protobufjs's reflection of the schema and everything it may import; built on first use when lenient. */
  root(): protobuf.Root;
}

/**
 * `lenient` reads as Confluent's `new ProtobufSchema(text)` does, without
 * validating: only the element tree is built, and protobufjs judges the text
 * when its `Root` is first asked for. For re-reading stored schemas.
 */
export interface ParseOptions {
  lenient?: boolean;
}

const PARSE_OPTIONS: protobuf.IParseOptions = { keepCase: true, alternateCommentMode: true };

export function invalidProtobuf(details: string): RegistryError {
  return errors.invalidSchema(`Invalid schema of type PROTOBUF, details: ${details}`);
}

export function parseProtobuf(text: string, references: ResolvedReference[], options: ParseOptions = {}): ParsedProtobuf {
  const main = readSource(text, undefined);
  const flattened = flattenReferences(references).map((reference) => ({ reference, ...readSource(reference.schema, reference.name) }));
  const dependencies = new Map(flattened.map(({ reference, file }) => [reference.name, file]));
  const schema: SchemaFiles = {
    file: main.file,
    references: new Map<string, ReferenceKey>(references.map((r) => [r.name, { subject: r.subject, version: r.version }])),
    dependencies: withWellKnownFiles(dependencies),
  };
  let root: protobuf.Root | undefined;
  const rootOf = () => (root ??= buildRoot(main.text, flattened.map(({ reference, text }) => ({ name: reference.name, text }))));
  if (!options.lenient) {
    try {
      checkTypeNames(schema, new Set(dependencies.keys()));
    } catch (error) {
      throw error instanceof ProtoSyntaxError ? invalidProtobuf(error.message) : error;
    }
    rootOf();
  }
  return { ...schema, root: rootOf };
}

/** Confluent's `dependenciesWithLogicalTypes`: the references, and the well-known files they do not replace. */
function withWellKnownFiles(dependencies: Map<string, ProtoFileElement>): Map<string, ProtoFileElement> {
  const all = new Map(dependencies);
  for (const [name, file] of wellKnownFiles()) if (!all.has(name)) all.set(name, file);
  return all;
}

/**
 * The element tree of `.proto` text, or of a base64 `FileDescriptorProto`
 * (as Confluent, tried when the text does not parse), with the `.proto`
 * text protobufjs is to read.
 */
function readSource(text: string, referenceName: string | undefined): { text: string; file: ProtoFileElement } {
  try {
    return { text, file: parseProtoFile(text) };
  } catch (error) {
    if (!(error instanceof ProtoSyntaxError)) throw error;
    const fromDescriptor = fileFromDescriptor(text);
    if (fromDescriptor === undefined) throw invalidProtobuf(inReference(referenceName, error.message));
    const rendered = protoText(new FormatContext(false), fromDescriptor);
    return { text: rendered, file: parseProtoFile(rendered) };
  }
}

/**
 * The schema, its references and the well-known files any of them imports,
 * in one protobufjs `Root` (protobufjs itself does not follow imports).
 */
function buildRoot(text: string, references: { name: string; text: string }[]): protobuf.Root {
  const root = new protobuf.Root();
  const loaded = new Set<string>();
  const pending: { name: string | undefined; text: string }[] = [];
  for (const reference of references) {
    loaded.add(reference.name);
    pending.push(reference);
  }
  pending.push({ name: undefined, text });
  const known = wellKnownTexts();
  for (let i = 0; i < pending.length; i++) {
    const next = pending[i]!;
    const result = parseInto(root, next.text, next.name);
    for (const name of [...(result.imports ?? []), ...(result.weakImports ?? [])]) {
      const wellKnown = known.get(name);
      if (wellKnown === undefined || loaded.has(name)) continue;
      loaded.add(name);
      pending.push({ name, text: wellKnown });
    }
  }
  try {
    root.resolveAll();
  } catch (error) {
    throw invalidProtobuf(locateError(text, String((error as Error).message)));
  }
  return root;
}

function parseInto(root: protobuf.Root, text: string, name: string | undefined): protobuf.IParserResult {
  try {
    return protobuf.parse(text, root, PARSE_OPTIONS);
  } catch (error) {
    throw invalidProtobuf(inReference(name, locateError(text, String((error as Error).message))));
  }
}

function inReference(name: string | undefined, details: string): string {
  return name === undefined ? details : `reference '${name}': ${details}`;
}
