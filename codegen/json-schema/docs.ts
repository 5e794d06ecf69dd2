/** The TSDoc of a JSON schema: title, description, and the annotations a type cannot say. */
import type { JsonSchema } from './documents.js';

export function schemaDoc(schema: JsonSchema): string[] {
  if (typeof schema === 'boolean') return [];
  const lines: string[] = [];
  for (const key of ['title', 'description'] as const) {
    if (typeof schema[key] === 'string') lines.push(schema[key] as string, '');
  }
  if (typeof schema['format'] === 'string') lines.push(`Format: ${schema['format']}.`);
  if (schema['default'] !== undefined) lines.push(`Default (filled in on decode): \`${JSON.stringify(schema['default'])}\`.`);
  if (schema['deprecated'] === true) lines.push('@deprecated');
  return lines;
}
