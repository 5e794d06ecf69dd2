/**
 * JSON Schema compatibility differences as data, and the message each renders
 * to: the types are Confluent's `diff/Difference.java` `Type` enum, the
 * messages its `error()`/`propertyOrItemError()` templates. The templates name
 * the two schemas through `%s` slots that `SchemaValidatorBuilder.
 * formatErrorMessages` fills with (reader, writer): ('new', 'old') when the new
 * schema reads the old one. A type no template covers renders an empty
 * description. The quoting is Confluent's, quirk included: the description
 * opens with a double quote and closes with a single one
 * (`Difference.toString()`).
 */
import type { Difference } from '../format.js';

export const JSON_DIFFERENCE_TYPES = [
  'ID_CHANGED', 'DESCRIPTION_CHANGED', 'TITLE_CHANGED', 'DEFAULT_CHANGED',
  'SCHEMA_ADDED', 'SCHEMA_REMOVED', 'TYPE_EXTENDED', 'TYPE_NARROWED', 'TYPE_CHANGED',
  'MAX_LENGTH_ADDED', 'MAX_LENGTH_REMOVED', 'MAX_LENGTH_INCREASED', 'MAX_LENGTH_DECREASED',
  'MIN_LENGTH_ADDED', 'MIN_LENGTH_REMOVED', 'MIN_LENGTH_INCREASED', 'MIN_LENGTH_DECREASED',
  'PATTERN_ADDED', 'PATTERN_REMOVED', 'PATTERN_CHANGED',
  'MAXIMUM_ADDED', 'MAXIMUM_REMOVED', 'MAXIMUM_INCREASED', 'MAXIMUM_DECREASED',
  'MINIMUM_ADDED', 'MINIMUM_REMOVED', 'MINIMUM_INCREASED', 'MINIMUM_DECREASED',
  'EXCLUSIVE_MAXIMUM_ADDED', 'EXCLUSIVE_MAXIMUM_REMOVED', 'EXCLUSIVE_MAXIMUM_INCREASED', 'EXCLUSIVE_MAXIMUM_DECREASED',
  'EXCLUSIVE_MINIMUM_ADDED', 'EXCLUSIVE_MINIMUM_REMOVED', 'EXCLUSIVE_MINIMUM_INCREASED', 'EXCLUSIVE_MINIMUM_DECREASED',
  'MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED', 'MULTIPLE_OF_EXPANDED', 'MULTIPLE_OF_REDUCED', 'MULTIPLE_OF_CHANGED',
  'REQUIRED_ATTRIBUTE_ADDED', 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', 'REQUIRED_ATTRIBUTE_REMOVED',
  'MAX_PROPERTIES_ADDED', 'MAX_PROPERTIES_REMOVED', 'MAX_PROPERTIES_INCREASED', 'MAX_PROPERTIES_DECREASED',
  'MIN_PROPERTIES_ADDED', 'MIN_PROPERTIES_REMOVED', 'MIN_PROPERTIES_INCREASED', 'MIN_PROPERTIES_DECREASED',
  'ADDITIONAL_PROPERTIES_ADDED', 'ADDITIONAL_PROPERTIES_REMOVED', 'ADDITIONAL_PROPERTIES_EXTENDED', 'ADDITIONAL_PROPERTIES_NARROWED',
  'DEPENDENCY_ARRAY_ADDED', 'DEPENDENCY_ARRAY_REMOVED', 'DEPENDENCY_ARRAY_EXTENDED', 'DEPENDENCY_ARRAY_NARROWED',
  'DEPENDENCY_ARRAY_CHANGED', 'DEPENDENCY_SCHEMA_ADDED', 'DEPENDENCY_SCHEMA_REMOVED',
  'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
  'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'RESERVED_PROPERTY_REMOVED', 'RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY',
  'UNEVALUATED_PROPERTIES_ADDED', 'UNEVALUATED_PROPERTIES_REMOVED',
  'UNEVALUATED_PROPERTIES_EXTENDED', 'UNEVALUATED_PROPERTIES_NARROWED',
  'MAX_ITEMS_ADDED', 'MAX_ITEMS_REMOVED', 'MAX_ITEMS_INCREASED', 'MAX_ITEMS_DECREASED',
  'MIN_ITEMS_ADDED', 'MIN_ITEMS_REMOVED', 'MIN_ITEMS_INCREASED', 'MIN_ITEMS_DECREASED',
  'MAX_CONTAINS_ADDED', 'MAX_CONTAINS_REMOVED', 'MAX_CONTAINS_INCREASED', 'MAX_CONTAINS_DECREASED',
  'MIN_CONTAINS_ADDED', 'MIN_CONTAINS_REMOVED', 'MIN_CONTAINS_INCREASED', 'MIN_CONTAINS_DECREASED',
  'UNIQUE_ITEMS_ADDED', 'UNIQUE_ITEMS_REMOVED',
  'ADDITIONAL_ITEMS_ADDED', 'ADDITIONAL_ITEMS_REMOVED', 'ADDITIONAL_ITEMS_EXTENDED', 'ADDITIONAL_ITEMS_NARROWED',
  'UNEVALUATED_ITEMS_ADDED', 'UNEVALUATED_ITEMS_REMOVED', 'UNEVALUATED_ITEMS_EXTENDED', 'UNEVALUATED_ITEMS_NARROWED',
  'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
  'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL',
  'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ENUM_ARRAY_EXTENDED', 'ENUM_ARRAY_NARROWED', 'ENUM_ARRAY_CHANGED',
  'COMBINED_TYPE_EXTENDED', 'COMBINED_TYPE_CHANGED',
  'PRODUCT_TYPE_EXTENDED', 'PRODUCT_TYPE_NARROWED', 'SUM_TYPE_EXTENDED',
  'SUM_TYPE_NARROWED', 'COMBINED_TYPE_SUBSCHEMAS_CHANGED',
  'NOT_TYPE_EXTENDED', 'NOT_TYPE_NARROWED',
] as const;
export type JsonDifferenceType = (typeof JSON_DIFFERENCE_TYPES)[number];

export interface JsonDifference extends Difference {
  type: JsonDifferenceType;
}

/** The description templates of `Difference.error()`, by the group of types that shares each. */
type Template = (path: string, reader: string, writer: string) => string;
const keywordNotPresent: Template = (p, r, w) => `The keyword at path '${p}' in the ${r} schema is not present in the ${w} schema`;
const valueMore: Template = (p, r, w) => `The value at path '${p}' in the ${r} schema is more than its value in the ${w} schema`;
const valueLess: Template = (p, r, w) => `The value at path '${p}' in the ${r} schema is less than its value in the ${w} schema`;
const valueDifferent: Template = (p, r, w) => `The value at path '${p}' is different between the ${r} and ${w} schema`;
const fewerElements: Template = (p, r, w) =>
  `An array or combined type at path '${p}' has fewer elements in the ${r} schema than the ${w} schema`;
const moreElements: Template = (p, r, w) =>
  `An array or combined type at path '${p}' has more elements in the ${r} schema than the ${w} schema`;
const typeDifferent: Template = (p, r, w) => `A type at path '${p}' is different between the ${r} schema and the ${w} schema`;
const addedToOpen: Template = (p, r, w) =>
  `The ${r} schema has an open content model and has a property or item at path '${p}' which is missing in the ${w} schema`;
const requiredAddedToUnopen: Template = (p, r, w) =>
  `The ${r} schema has an unopen content model and has a required property at path '${p}' which is missing in the ${w} schema`;
const removedFromClosed: Template = (p, r, w) =>
  `The ${r} has a closed content model and is missing a property or item present at path '${p}' in the ${w} schema`;
const removedNotCovered: Template = (p, r, w) =>
  `A property or item is missing in the ${r} schema but present at path '${p}' in the ${w} schema and is not covered by its partially open content model`;
const addedNotCovered: Template = (p, r, w) =>
  `The ${r} schema has a property or item at path '${p}' which is missing in the ${w} schema and is not covered by its partially open content model`;
const none: Template = () => '';

const DESCRIPTIONS: Record<JsonDifferenceType, Template> = {
  ID_CHANGED: none, DESCRIPTION_CHANGED: none, TITLE_CHANGED: none, DEFAULT_CHANGED: none,
  SCHEMA_ADDED: none, SCHEMA_REMOVED: none, TYPE_EXTENDED: none, TYPE_NARROWED: typeDifferent, TYPE_CHANGED: typeDifferent,
  MAX_LENGTH_ADDED: keywordNotPresent, MAX_LENGTH_REMOVED: none, MAX_LENGTH_INCREASED: none, MAX_LENGTH_DECREASED: valueLess,
  MIN_LENGTH_ADDED: keywordNotPresent, MIN_LENGTH_REMOVED: none, MIN_LENGTH_INCREASED: valueMore, MIN_LENGTH_DECREASED: none,
  PATTERN_ADDED: keywordNotPresent, PATTERN_REMOVED: none, PATTERN_CHANGED: valueDifferent,
  MAXIMUM_ADDED: keywordNotPresent, MAXIMUM_REMOVED: none, MAXIMUM_INCREASED: none, MAXIMUM_DECREASED: valueLess,
  MINIMUM_ADDED: keywordNotPresent, MINIMUM_REMOVED: none, MINIMUM_INCREASED: valueMore, MINIMUM_DECREASED: none,
  EXCLUSIVE_MAXIMUM_ADDED: keywordNotPresent, EXCLUSIVE_MAXIMUM_REMOVED: none,
  EXCLUSIVE_MAXIMUM_INCREASED: none, EXCLUSIVE_MAXIMUM_DECREASED: valueLess,
  EXCLUSIVE_MINIMUM_ADDED: keywordNotPresent, EXCLUSIVE_MINIMUM_REMOVED: none,
  EXCLUSIVE_MINIMUM_INCREASED: valueMore, EXCLUSIVE_MINIMUM_DECREASED: none,
  MULTIPLE_OF_ADDED: keywordNotPresent, MULTIPLE_OF_REMOVED: none, MULTIPLE_OF_EXPANDED: valueMore,
  MULTIPLE_OF_REDUCED: none, MULTIPLE_OF_CHANGED: valueDifferent,
  REQUIRED_ATTRIBUTE_ADDED: keywordNotPresent, REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED: none, REQUIRED_ATTRIBUTE_REMOVED: none,
  MAX_PROPERTIES_ADDED: keywordNotPresent, MAX_PROPERTIES_REMOVED: none, MAX_PROPERTIES_INCREASED: none, MAX_PROPERTIES_DECREASED: valueLess,
  MIN_PROPERTIES_ADDED: keywordNotPresent, MIN_PROPERTIES_REMOVED: none, MIN_PROPERTIES_INCREASED: valueMore, MIN_PROPERTIES_DECREASED: none,
  ADDITIONAL_PROPERTIES_ADDED: none, ADDITIONAL_PROPERTIES_REMOVED: keywordNotPresent,
  ADDITIONAL_PROPERTIES_EXTENDED: none, ADDITIONAL_PROPERTIES_NARROWED: fewerElements,
  DEPENDENCY_ARRAY_ADDED: keywordNotPresent, DEPENDENCY_ARRAY_REMOVED: none, DEPENDENCY_ARRAY_EXTENDED: moreElements,
  DEPENDENCY_ARRAY_NARROWED: none, DEPENDENCY_ARRAY_CHANGED: valueDifferent,
  DEPENDENCY_SCHEMA_ADDED: keywordNotPresent, DEPENDENCY_SCHEMA_REMOVED: none,
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: none,
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: addedToOpen,
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL: addedToOpen,
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: addedToOpen,
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: none,
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: requiredAddedToUnopen,
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL: none,
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: none,
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: none,
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: none,
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: removedFromClosed,
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: none,
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: removedNotCovered,
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: none,
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: addedNotCovered,
  RESERVED_PROPERTY_REMOVED: (p, r, w) =>
    `The ${r} schema has reserved property '${p}' removed from its metadata which is present in the ${w} schema.`,
  RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY: (p, r, w) =>
    `The ${r} schema has property at path '${p}' that conflicts with the reserved properties which is missing in the ${w} schema.`,
  UNEVALUATED_PROPERTIES_ADDED: none, UNEVALUATED_PROPERTIES_REMOVED: keywordNotPresent,
  UNEVALUATED_PROPERTIES_EXTENDED: none, UNEVALUATED_PROPERTIES_NARROWED: fewerElements,
  MAX_ITEMS_ADDED: keywordNotPresent, MAX_ITEMS_REMOVED: none, MAX_ITEMS_INCREASED: none, MAX_ITEMS_DECREASED: valueLess,
  MIN_ITEMS_ADDED: keywordNotPresent, MIN_ITEMS_REMOVED: none, MIN_ITEMS_INCREASED: valueMore, MIN_ITEMS_DECREASED: none,
  MAX_CONTAINS_ADDED: keywordNotPresent, MAX_CONTAINS_REMOVED: none, MAX_CONTAINS_INCREASED: none, MAX_CONTAINS_DECREASED: valueLess,
  MIN_CONTAINS_ADDED: keywordNotPresent, MIN_CONTAINS_REMOVED: none, MIN_CONTAINS_INCREASED: valueMore, MIN_CONTAINS_DECREASED: none,
  UNIQUE_ITEMS_ADDED: keywordNotPresent, UNIQUE_ITEMS_REMOVED: none,
  ADDITIONAL_ITEMS_ADDED: none, ADDITIONAL_ITEMS_REMOVED: keywordNotPresent,
  ADDITIONAL_ITEMS_EXTENDED: none, ADDITIONAL_ITEMS_NARROWED: fewerElements,
  UNEVALUATED_ITEMS_ADDED: none, UNEVALUATED_ITEMS_REMOVED: keywordNotPresent,
  UNEVALUATED_ITEMS_EXTENDED: none, UNEVALUATED_ITEMS_NARROWED: fewerElements,
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: addedToOpen,
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: none,
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL: none,
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL: none,
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: none,
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: removedFromClosed,
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: none,
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: removedNotCovered,
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: none,
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: addedNotCovered,
  ENUM_ARRAY_EXTENDED: none, ENUM_ARRAY_NARROWED: fewerElements, ENUM_ARRAY_CHANGED: typeDifferent,
  COMBINED_TYPE_EXTENDED: none, COMBINED_TYPE_CHANGED: typeDifferent,
  PRODUCT_TYPE_EXTENDED: moreElements, PRODUCT_TYPE_NARROWED: none, SUM_TYPE_EXTENDED: moreElements,
  SUM_TYPE_NARROWED: fewerElements, COMBINED_TYPE_SUBSCHEMAS_CHANGED: typeDifferent,
  NOT_TYPE_EXTENDED: moreElements, NOT_TYPE_NARROWED: none,
};

const TYPES: ReadonlySet<string> = new Set(JSON_DIFFERENCE_TYPES);

export const isJsonDifference = (difference: Difference): difference is JsonDifference => TYPES.has(difference.type);

/** Confluent's verbose message, the reader and writer named by their roles ('new'/'old'). */
export function renderJsonDifference(difference: Pick<JsonDifference, 'type' | 'path'>, readerRole: string, writerRole: string): string {
  const description = DESCRIPTIONS[difference.type](difference.path, readerRole, writerRole);
  return `{errorType:"${difference.type}", description:"${description}'}`;
}

/** A difference whose `message` is the BACKWARD wording: the new schema reads the old one. */
export function jsonDifference(type: JsonDifferenceType, path: string): JsonDifference {
  return { type, path, message: renderJsonDifference({ type, path }, 'new', 'old') };
}
