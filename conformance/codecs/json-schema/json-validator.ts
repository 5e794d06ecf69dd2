/**
 * Validation of the checker's own JSON samples against their schema, with
 * ajv for the schema's draft (as the registry's `json-schema/validation.ts`
 * compiles schemas: unknown keywords and formats tolerated). A sample that
 * fails is never sent: the generator tries again or leaves it out.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Draft } from '../../../contracts/formats/json-schema/drafts.js';

export function jsonValidator(schema: unknown, draft: Draft): ValidateFunction {
  const options = { strict: false, logger: false as const, validateSchema: false };
  let ajv: Ajv;
  switch (draft) {
    case 'draft-04':
      ajv = new AjvDraft04.default(options);
      break;
    case '2019-09':
      ajv = new Ajv2019(options);
      break;
    case '2020-12':
      ajv = new Ajv2020(options);
      break;
    default:
      ajv = new Ajv(options);
      ajv.addMetaSchema(draft06MetaSchema);
  }
  addFormats.default(ajv);
  const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
  return ajv.compile(typeof schema === 'object' && schema !== null ? rest : schema as object);
}
