/**
 * The verbose messages of JSON Schema differences, golden from Confluent's
 * `diff/Difference.java` templates (one per template, and the types with
 * none), with the schemas named by role: reader first ('new', 'old' for
 * BACKWARD; 'old', 'new' for FORWARD). And the two compatible sets, spelled
 * out as `diff/SchemaDiff.java` lists them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonSchemaFormat, parseJsonSchema } from '../../../../contracts/formats/json-schema/json-schema-format.js';
import { JSON_DIFFERENCE_TYPES, jsonDifference, type JsonDifferenceType } from '../../../../contracts/formats/json-schema/differences.js';
import { COMPATIBLE_CHANGES_LENIENT, COMPATIBLE_CHANGES_STRICT } from '../../../../contracts/formats/json-schema/policy.js';

const render = (type: JsonDifferenceType, path: string, reader = 'new', writer = 'old') =>
  jsonSchemaFormat.describe(jsonDifference(type, path), reader, writer);

describe('messages', () => {
  const golden: [JsonDifferenceType, string, string][] = [
    ['TYPE_CHANGED', '#/properties/f', "A type at path '#/properties/f' is different between the new schema and the old schema"],
    ['MAX_LENGTH_ADDED', '#/maxLength', "The keyword at path '#/maxLength' in the new schema is not present in the old schema"],
    ['ADDITIONAL_PROPERTIES_REMOVED', '#/additionalProperties', "The keyword at path '#/additionalProperties' in the new schema is not present in the old schema"],
    ['MIN_LENGTH_INCREASED', '#/minLength', "The value at path '#/minLength' in the new schema is more than its value in the old schema"],
    ['MAXIMUM_DECREASED', '#/maximum', "The value at path '#/maximum' in the new schema is less than its value in the old schema"],
    ['PATTERN_CHANGED', '#/pattern', "The value at path '#/pattern' is different between the new and old schema"],
    ['SUM_TYPE_NARROWED', '#/', "An array or combined type at path '#/' has fewer elements in the new schema than the old schema"],
    ['PRODUCT_TYPE_EXTENDED', '#/properties/p', "An array or combined type at path '#/properties/p' has more elements in the new schema than the old schema"],
    [
      'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
      '#/properties/bar',
      "The new schema has an open content model and has a property or item at path '#/properties/bar' which is missing in the old schema",
    ],
    [
      'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
      '#/properties/bar',
      "The new schema has an unopen content model and has a required property at path '#/properties/bar' which is missing in the old schema",
    ],
    [
      'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
      '#/properties/foo',
      "The new has a closed content model and is missing a property or item present at path '#/properties/foo' in the old schema",
    ],
    [
      'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
      '#/properties/bar',
      "A property or item is missing in the new schema but present at path '#/properties/bar' in the old schema and is not covered by its partially open content model",
    ],
    [
      'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
      '#/items/2',
      "The new schema has a property or item at path '#/items/2' which is missing in the old schema and is not covered by its partially open content model",
    ],
    ['RESERVED_PROPERTY_REMOVED', 'cost', "The new schema has reserved property 'cost' removed from its metadata which is present in the old schema."],
    [
      'RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY',
      '#/properties/cost',
      "The new schema has property at path '#/properties/cost' that conflicts with the reserved properties which is missing in the old schema.",
    ],
    ['SCHEMA_ADDED', '#/items', ''],
    ['TITLE_CHANGED', '#/', ''],
  ];
  for (const [type, path, description] of golden) {
    test(type, () => assert.equal(render(type, path), `{errorType:"${type}", description:"${description}'}`));
  }

  test('FORWARD names the old schema as the reader', () => {
    assert.equal(
      render('MIN_LENGTH_INCREASED', '#/minLength', 'old', 'new'),
      `{errorType:"MIN_LENGTH_INCREASED", description:"The value at path '#/minLength' in the old schema is more than its value in the new schema'}`,
    );
  });

  test('every type renders', () => {
    for (const type of JSON_DIFFERENCE_TYPES) assert.match(render(type, '#/x'), new RegExp(`^\\{errorType:"${type}", description:".*'\\}$`));
  });

  test('differences carry the BACKWARD message, and other formats keep theirs', () => {
    const original = parseJsonSchema('{"type":"object","properties":{"f":{"type":"string"}}}');
    const update = parseJsonSchema('{"type":"object","properties":{"f":{"type":"integer"}}}');
    const [difference, ...others] = update.readerDifferences(original, 'STRICT');
    assert.deepEqual(others, []);
    assert.deepEqual(difference, {
      type: 'TYPE_CHANGED',
      path: '#/properties/f',
      message: `{errorType:"TYPE_CHANGED", description:"A type at path '#/properties/f' is different between the new schema and the old schema'}`,
    });
    assert.equal(jsonSchemaFormat.describe({ type: 'SOMETHING_ELSE', path: '/x', message: 'kept' }, 'new', 'old'), 'kept');
  });
});

describe('compatible sets', () => {
  const STRICT = [
    'ID_CHANGED', 'DESCRIPTION_CHANGED', 'TITLE_CHANGED', 'DEFAULT_CHANGED', 'SCHEMA_REMOVED', 'TYPE_EXTENDED',
    'MAX_LENGTH_INCREASED', 'MAX_LENGTH_REMOVED', 'MIN_LENGTH_DECREASED', 'MIN_LENGTH_REMOVED', 'PATTERN_REMOVED',
    'MAXIMUM_INCREASED', 'MAXIMUM_REMOVED', 'MINIMUM_DECREASED', 'MINIMUM_REMOVED',
    'EXCLUSIVE_MAXIMUM_INCREASED', 'EXCLUSIVE_MAXIMUM_REMOVED', 'EXCLUSIVE_MINIMUM_DECREASED', 'EXCLUSIVE_MINIMUM_REMOVED',
    'MULTIPLE_OF_REDUCED', 'MULTIPLE_OF_REMOVED',
    'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', 'REQUIRED_ATTRIBUTE_REMOVED', 'DEPENDENCY_ARRAY_NARROWED', 'DEPENDENCY_ARRAY_REMOVED',
    'DEPENDENCY_SCHEMA_REMOVED', 'MAX_PROPERTIES_INCREASED', 'MAX_PROPERTIES_REMOVED', 'MIN_PROPERTIES_DECREASED', 'MIN_PROPERTIES_REMOVED',
    'ADDITIONAL_PROPERTIES_ADDED', 'ADDITIONAL_PROPERTIES_EXTENDED', 'UNEVALUATED_PROPERTIES_ADDED', 'UNEVALUATED_PROPERTIES_EXTENDED',
    'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
    'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
    'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    'MAX_ITEMS_INCREASED', 'MAX_ITEMS_REMOVED', 'MIN_ITEMS_DECREASED', 'MIN_ITEMS_REMOVED',
    'MAX_CONTAINS_INCREASED', 'MAX_CONTAINS_REMOVED', 'MIN_CONTAINS_DECREASED', 'MIN_CONTAINS_REMOVED', 'UNIQUE_ITEMS_REMOVED',
    'ADDITIONAL_ITEMS_ADDED', 'ADDITIONAL_ITEMS_EXTENDED', 'UNEVALUATED_ITEMS_ADDED', 'UNEVALUATED_ITEMS_EXTENDED',
    'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL',
    'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL',
    'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    'ENUM_ARRAY_EXTENDED', 'COMBINED_TYPE_EXTENDED', 'PRODUCT_TYPE_NARROWED', 'SUM_TYPE_EXTENDED', 'NOT_TYPE_NARROWED',
  ];
  const LENIENT_EXTRAS = [
    'ADDITIONAL_PROPERTIES_NARROWED', 'ADDITIONAL_PROPERTIES_REMOVED', 'UNEVALUATED_PROPERTIES_NARROWED',
    'UNEVALUATED_PROPERTIES_REMOVED', 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
    'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
    'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  ];

  test('STRICT is COMPATIBLE_CHANGES_STRICT', () => assert.deepEqual([...COMPATIBLE_CHANGES_STRICT].sort(), [...STRICT].sort()));
  test('LENIENT is STRICT and its extras', () =>
    assert.deepEqual([...COMPATIBLE_CHANGES_LENIENT].sort(), [...STRICT, ...LENIENT_EXTRAS].sort()));
});
