/**
 * `.proto` text to the element tree Confluent works on, after Square Wire's
 * `ProtoParser.kt` (wire-schema/.../internal/parser/): declarations by
 * context (file, message, enum, service, rpc, extend), labels as written
 * (none for proto3 fields without one), `default` and `json_name` taken out
 * of a field's options, reserved and extension ranges kept per statement.
 * Beyond Wire, an `edition = "…";` file is read like proto3.
 * protobufjs checks the same text afterwards (see `parse.ts`); this reader
 * keeps what its reflection objects drop.
 */
import type {
  EnumConstantElement,
  EnumElement,
  ExtendElement,
  ExtensionsElement,
  FieldElement,
  MessageElement,
  OneOfElement,
  OptionElement,
  Position,
  ProtoFileElement,
  ReservedElement,
  RpcElement,
  ServiceElement,
  SyntaxDeclaration,
  TypeElement,
} from './elements.js';
import { readEnumConstant, readExtensions, readField, readGroup, readMember, readReserved, type Member } from './member-reader.js';
import { readOption } from './option-reader.js';
import { ProtoSyntaxError, SyntaxReader } from './syntax-reader.js';

type Context = 'file' | 'message' | 'enum' | 'service' | 'rpc' | 'extend';

type Declaration =
  | Member
  | { is: 'oneof'; oneOf: OneOfElement }
  | { is: 'type'; type: TypeElement }
  | { is: 'option'; option: OptionElement }
  | { is: 'reserved'; reserved: ReservedElement }
  | { is: 'extensions'; extensions: ExtensionsElement }
  | { is: 'extend'; extend: ExtendElement }
  | { is: 'service'; service: ServiceElement }
  | { is: 'rpc'; rpc: RpcElement }
  | { is: 'constant'; constant: EnumConstantElement }
  | undefined;

/** Parses one `.proto` text; throws a `ProtoSyntaxError` naming line and column. */
export function parseProtoFile(text: string): ProtoFileElement {
  return new ProtoParser(text).readFile();
}

class ProtoParser {
  private readonly reader: SyntaxReader;
  private syntax: SyntaxDeclaration | undefined;
  private packageName: string | undefined;
  private readonly imports: string[] = [];
  private readonly publicImports: string[] = [];
  private readonly weakImports: string[] = [];
  private declarationCount = 0;

  constructor(text: string) {
    this.reader = new SyntaxReader(text);
  }

  readFile(): ProtoFileElement {
    const types: TypeElement[] = [];
    const services: ServiceElement[] = [];
    const extendDeclarations: ExtendElement[] = [];
    const options: OptionElement[] = [];
    while (!this.reader.exhausted()) {
      const declared = this.readDeclaration('file');
      if (declared?.is === 'type') types.push(declared.type);
      else if (declared?.is === 'service') services.push(declared.service);
      else if (declared?.is === 'option') options.push(declared.option);
      else if (declared?.is === 'extend') extendDeclarations.push(declared.extend);
    }
    return {
      ...(this.syntax && { syntax: this.syntax }),
      ...(this.packageName !== undefined && { packageName: this.packageName }),
      imports: this.imports,
      publicImports: this.publicImports,
      weakImports: this.weakImports,
      options,
      types,
      extendDeclarations,
      services,
    };
  }

  private readDeclaration(context: Context): Declaration {
    const index = this.declarationCount++;
    if (this.reader.peekChar(';')) return undefined;
    const position = this.reader.position();
    const word = this.reader.readWord();
    switch (context === 'file' ? word : '') {
      case 'package':
        if (this.packageName !== undefined) throw new ProtoSyntaxError('too many package names', position);
        this.packageName = this.reader.readWord();
        this.reader.require(';');
        return undefined;
      case 'import':
        this.readImport();
        return undefined;
      case 'syntax':
      case 'edition':
        this.readSyntax(word, index, position);
        return undefined;
    }
    if (word === 'option' && context !== 'extend') {
      const option = readOption(this.reader, '=');
      this.reader.require(';');
      return { is: 'option', option };
    }
    if (word === 'reserved' && (context === 'message' || context === 'enum')) {
      return { is: 'reserved', reserved: { values: readReserved(this.reader) } };
    }
    if (word === 'message' && (context === 'file' || context === 'message')) return { is: 'type', type: this.readMessage() };
    if (word === 'enum' && (context === 'file' || context === 'message')) return { is: 'type', type: this.readEnum() };
    if (word === 'extend' && (context === 'file' || context === 'message')) return { is: 'extend', extend: this.readExtend(position) };
    if (word === 'service' && context === 'file') return { is: 'service', service: this.readService() };
    if (word === 'rpc' && context === 'service') return { is: 'rpc', rpc: this.readRpc(position) };
    if (word === 'oneof' && context === 'message') return { is: 'oneof', oneOf: this.readOneOf() };
    if (word === 'extensions' && context === 'message') return { is: 'extensions', extensions: readExtensions(this.reader) };
    if (context === 'message' || context === 'extend') return readMember(this.reader, word, position, this.syntax);
    if (context === 'enum') return { is: 'constant', constant: readEnumConstant(this.reader, word) };
    throw new ProtoSyntaxError(`unexpected '${word}'`, position);
  }

  private readImport(): void {
    const next = this.reader.peekChar();
    if (next === '"' || next === "'") {
      this.imports.push(this.reader.readQuotedString());
    } else {
      const modifier = this.reader.readWord();
      if (modifier === 'public') this.publicImports.push(this.reader.readQuotedString());
      else if (modifier === 'weak') this.weakImports.push(this.reader.readQuotedString());
      else throw this.reader.error(`expected a quoted import path but found '${modifier}'`);
    }
    this.reader.require(';');
  }

  private readSyntax(keyword: string, index: number, position: Position): void {
    if (this.syntax) throw new ProtoSyntaxError(`too many ${keyword} definitions`, position);
    if (index !== 0) throw new ProtoSyntaxError(`'${keyword}' must be the first declaration in a file`, position);
    this.reader.require('=');
    const value = this.reader.readQuotedString();
    if (keyword === 'syntax' && value !== 'proto2' && value !== 'proto3') {
      throw new ProtoSyntaxError(`unexpected syntax: ${value}`, position);
    }
    this.syntax = { keyword: keyword as SyntaxDeclaration['keyword'], value };
    this.reader.require(';');
  }

  private readMessage(): MessageElement {
    const name = this.reader.readName();
    const message: MessageElement = {
      kind: 'message',
      name,
      reserveds: [],
      options: [],
      fields: [],
      oneOfs: [],
      groups: [],
      extensions: [],
      extendDeclarations: [],
      nestedTypes: [],
    };
    this.reader.require('{');
    while (!this.reader.blockEnds()) {
      const declared = this.readDeclaration('message');
      if (declared?.is === 'field') message.fields.push(declared.field);
      else if (declared?.is === 'oneof') message.oneOfs.push(declared.oneOf);
      else if (declared?.is === 'group') message.groups.push(declared.group);
      else if (declared?.is === 'type') message.nestedTypes.push(declared.type);
      else if (declared?.is === 'extensions') message.extensions.push(declared.extensions);
      else if (declared?.is === 'option') message.options.push(declared.option);
      else if (declared?.is === 'extend') message.extendDeclarations.push(declared.extend);
      else if (declared?.is === 'reserved') message.reserveds.push(declared.reserved);
    }
    return message;
  }

  private readEnum(): EnumElement {
    const name = this.reader.readName();
    const element: EnumElement = { kind: 'enum', name, reserveds: [], options: [], constants: [] };
    this.reader.require('{');
    while (!this.reader.blockEnds()) {
      const declared = this.readDeclaration('enum');
      if (declared?.is === 'constant') element.constants.push(declared.constant);
      else if (declared?.is === 'option') element.options.push(declared.option);
      else if (declared?.is === 'reserved') element.reserveds.push(declared.reserved);
    }
    return element;
  }

  private readExtend(position: Position): ExtendElement {
    const name = this.reader.readName();
    const fields: FieldElement[] = [];
    this.reader.require('{');
    while (!this.reader.blockEnds()) {
      const declared = this.readDeclaration('extend');
      if (declared?.is === 'field') fields.push(declared.field);
    }
    return { position, name, fields };
  }

  private readService(): ServiceElement {
    const name = this.reader.readName();
    const service: ServiceElement = { name, options: [], rpcs: [] };
    this.reader.require('{');
    while (!this.reader.blockEnds()) {
      const declared = this.readDeclaration('service');
      if (declared?.is === 'rpc') service.rpcs.push(declared.rpc);
      else if (declared?.is === 'option') service.options.push(declared.option);
    }
    return service;
  }

  private readRpc(position: Position): RpcElement {
    const name = this.reader.readName();
    const [requestType, requestStreaming] = this.readRpcType();
    const returns = this.reader.readWord();
    if (returns !== 'returns') throw this.reader.error(`expected 'returns' but found '${returns}'`);
    const [responseType, responseStreaming] = this.readRpcType();
    const options: OptionElement[] = [];
    if (this.reader.peekChar('{')) {
      while (!this.reader.blockEnds()) {
        const declared = this.readDeclaration('rpc');
        if (declared?.is === 'option') options.push(declared.option);
      }
    } else {
      this.reader.require(';');
    }
    return { position, name, requestType, responseType, requestStreaming, responseStreaming, options };
  }

  private readRpcType(): [string, boolean] {
    this.reader.require('(');
    const word = this.reader.readWord();
    const streaming = word === 'stream';
    const type = streaming ? this.reader.readDataType() : this.reader.readDataType(word);
    this.reader.require(')');
    return [type, streaming];
  }

  private readOneOf(): OneOfElement {
    const name = this.reader.readName();
    const oneOf: OneOfElement = { name, fields: [], groups: [], options: [] };
    this.reader.require('{');
    while (!this.reader.blockEnds()) {
      if (this.reader.peekChar(';')) continue;
      const position = this.reader.position();
      const type = this.reader.readDataType();
      if (type === 'group') {
        oneOf.groups.push(readGroup(this.reader, undefined, this.syntax));
      } else if (type === 'option') {
        oneOf.options.push(readOption(this.reader, '='));
        this.reader.require(';');
      } else {
        oneOf.fields.push(readField(this.reader, position, undefined, type));
      }
    }
    return oneOf;
  }
}
