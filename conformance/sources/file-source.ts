/**
 * A contract read from local files, for builds that run before (or without)
 * a registry. A folder holds one file per version, `v<N>.avsc`,
 * `v<N>.proto` or `v<N>.json` (JSON Schema), and optionally `contract.json`:
 *
 *   { "subject": "customer-value",                 // default: the folder's name
 *     "schemaType": "AVRO",                        // default: from the files' extension
 *     "metadata": { "properties": { "ecst.key": "customer_id" } },  // every version's
 *     "ids": { "1": 101, "2": 102 } }              // default: id = version number
 *
 * Schemas are parsed by the registry's own format plug-ins; references
 * between files are not supported (use a registry for those).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { formatFor } from '../../contracts/formats/index.js';
import type { Metadata, SchemaType } from '../../contracts/schema.js';
import { ecstSettings, type Contract, type ContractVersion } from '../contract.js';
import { ToolError } from '../errors.js';

const EXTENSIONS: Record<string, SchemaType> = { avsc: 'AVRO', proto: 'PROTOBUF', json: 'JSON' };
const VERSION_FILE = /^v(\d+)\.(avsc|proto|json)$/;

interface ContractFile {
  subject?: string;
  schemaType?: SchemaType;
  metadata?: Metadata;
  ids?: Record<string, number>;
}

export async function contractFromFiles(folder: string, options: { versions?: number[] } = {}): Promise<Contract> {
  const dir = resolve(folder);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ToolError(`Cannot read the contract folder ${dir}: ${(error as Error).message}`);
  }
  const manifest = names.includes('contract.json') ? await readManifest(join(dir, 'contract.json')) : {};
  const files = names
    .map((name) => ({ name, match: VERSION_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ name: f.name, version: Number(f.match[1]), type: EXTENSIONS[f.match[2]!]! }))
    .filter((f) => !options.versions || options.versions.includes(f.version))
    .sort((a, b) => a.version - b.version);
  if (files.length === 0) throw new ToolError(`No version files (v1.avsc, v1.proto, v1.json, …) in ${dir}`);
  const subject = manifest.subject ?? basename(dir);
  const versions: ContractVersion[] = [];
  for (const file of files) {
    const schemaType = manifest.schemaType ?? file.type;
    const schema = await readFile(join(dir, file.name), 'utf8');
    let parsed;
    try {
      parsed = formatFor(schemaType).parse(schema, [], { lenient: true });
    } catch (error) {
      throw new ToolError(`${join(dir, file.name)} is not a valid ${schemaType} schema: ${(error as Error).message}`);
    }
    versions.push({
      version: file.version,
      schemaId: manifest.ids?.[String(file.version)] ?? file.version,
      schemaType,
      schema,
      references: [],
      ...(manifest.metadata && { metadata: manifest.metadata }),
      parsed,
      ecst: ecstSettings(manifest.metadata),
    });
  }
  const schemaType = versions[0]!.schemaType;
  if (versions.some((v) => v.schemaType !== schemaType)) throw new ToolError(`${dir} mixes schema types`);
  if (new Set(versions.map((v) => v.version)).size !== versions.length) throw new ToolError(`${dir} has a version twice`);
  return { subject, schemaType, versions, source: dir };
}

async function readManifest(file: string): Promise<ContractFile> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ContractFile;
  } catch (error) {
    throw new ToolError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
