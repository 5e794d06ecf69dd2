/**
 * The JSON Schema part of a subject's module: each version's types (the
 * root, and every `$ref` target, suffixed `V<n>`), aliases for the latest
 * version's, `CustomerInput` (the same type: JSON encoders fill nothing
 * in), and the codec spec — the latest schema and its references, which
 * ajv checks values against both ways, and an ajv factory of the class for
 * the schema's draft (with ajv-formats when the schema uses `format`).
 */
import ts from 'typescript';
import type { Draft } from '../../contracts/formats/json-schema/drafts.js';
import type { EntityNames } from '../entity.js';
import type { FormatGenerator, FormatParts } from '../format.js';
import type { ContractVersion, SubjectContract } from '../model.js';
import { exportTypeAlias, factory as f, typeRef, valueExpression } from '../ts/ast.js';
import { call, importDefault, importNamed, member } from '../ts/functions.js';
import { BaseNames, type NameAllocator } from '../ts/names.js';
import { keyOf, type JsonContext } from './context.js';
import { jsonDocuments, usesFormat, withoutDialect, type JsonSchema } from './documents.js';
import { refTypeNode } from './ref.js';
import { jsonTypeNode } from './schema-node.js';

export const jsonSchemaGenerator: FormatGenerator = {
  runtime: { module: 'json', createCodec: 'createJsonCodec' },
  runtimeFiles: ['json-codec.ts', 'json.ts'],
  entityName(_subject: string, latest: ContractVersion) {
    const root = JSON.parse(latest.schema) as JsonSchema;
    return typeof root === 'object' && typeof root['title'] === 'string' ? root['title'] : undefined;
  },
  build: buildJsonSchema,
};

/** The ajv class for each draft: an import and how to construct it from `options`. */
const AJV: Record<Draft, { import: ts.Statement; create: (options: ts.Expression) => ts.Expression }> = {
  'draft-04': {
    import: importDefault('AjvDraft04', 'ajv-draft-04'),
    create: (options) => f.createNewExpression(f.createParenthesizedExpression(call(member('creg', 'interopDefault'), [], [f.createIdentifier('AjvDraft04')])), undefined, [options]),
  },
  'draft-06': { import: importNamed(['Ajv'], 'ajv'), create: (options) => f.createNewExpression(f.createIdentifier('Ajv'), undefined, [options]) },
  'draft-07': { import: importNamed(['Ajv'], 'ajv'), create: (options) => f.createNewExpression(f.createIdentifier('Ajv'), undefined, [options]) },
  '2019-09': { import: importNamed(['Ajv2019'], 'ajv/dist/2019.js'), create: (options) => f.createNewExpression(f.createIdentifier('Ajv2019'), undefined, [options]) },
  '2020-12': { import: importNamed(['Ajv2020'], 'ajv/dist/2020.js'), create: (options) => f.createNewExpression(f.createIdentifier('Ajv2020'), undefined, [options]) },
};

function buildJsonSchema(contract: SubjectContract, entity: EntityNames, names: NameAllocator): FormatParts {
  const { subject, versions } = contract;
  const baseNames = new BaseNames([entity.type]);
  const declarations: ts.Statement[] = [];
  const warnings: string[] = [];
  let latestDeclared = new Map<string, string>();
  let latestDocuments = jsonDocuments(subject, versions[versions.length - 1]!);
  for (const version of versions) {
    const documents = jsonDocuments(subject, version);
    const context: JsonContext = {
      version: version.version,
      draft: documents.draft,
      document: '',
      documents: new Map([['', documents.root], ...documents.references]),
      rootName: entity.versions.get(version.version)!,
      rootDoc: `Version ${version.version} of ${subject}${version.id === undefined ? '' : ` (schema id ${version.id})`}.`,
      baseNames,
      names,
      declared: new Map(),
      declarations,
      warnings,
      typeNode: jsonTypeNode,
    };
    refTypeNode('#', context);
    latestDeclared = context.declared;
    latestDocuments = documents;
  }
  const latest = versions[versions.length - 1]!;
  declarations.push(exportTypeAlias(entity.type, typeRef(entity.versions.get(latest.version)!), [`The latest version of ${subject}: version ${latest.version}.`]));
  for (const [key, name] of latestDeclared) {
    if (key === keyOf('', '')) continue;
    declarations.push(exportTypeAlias(names.claim(baseNames.of(key)), typeRef(name), [`${key} as the latest version has it.`]));
  }
  declarations.push(exportTypeAlias(entity.input, typeRef(entity.type), [`What encode accepts for ${subject}: the latest version, checked by ajv.`]));

  const ajv = AJV[latestDocuments.draft];
  const formats = usesFormat(latestDocuments.root) || [...latestDocuments.references.values()].some(usesFormat);
  const options = f.createIdentifier('options');
  const created = ajv.create(options);
  const factoryBody = formats ? call(f.createCallExpression(member('creg', 'interopDefault'), undefined, [f.createIdentifier('addFormats')]), [], [created]) : created;
  const spec = valueExpression({
    subject,
    versions: versions.map((v) => ({ version: v.version, id: v.id })),
    schema: withoutDialect(latestDocuments.root),
    references: [...latestDocuments.references].map(([name, schema]) => ({ name, schema: withoutDialect(schema) })),
  }) as ts.ObjectLiteralExpression;
  const ajvFactory = f.createArrowFunction(undefined, undefined, [f.createParameterDeclaration(undefined, undefined, options)], undefined, undefined, factoryBody);
  const codecSpec = f.updateObjectLiteralExpression(spec, [...spec.properties, f.createPropertyAssignment('ajv', ajvFactory)]);
  return {
    imports: [ajv.import, ...(formats ? [importDefault('addFormats', 'ajv-formats')] : [])],
    declarations,
    codecSpec,
    fields: topLevelProperties(latestDocuments.root),
    warnings: warnings.map((w) => `${subject} ${w}`),
  };
}

function topLevelProperties(root: JsonSchema): Set<string> {
  const properties = typeof root === 'object' ? root['properties'] : undefined;
  return new Set(typeof properties === 'object' && properties !== null ? Object.keys(properties) : []);
}
