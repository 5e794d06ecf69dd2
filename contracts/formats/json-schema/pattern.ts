/**
 * Regular expressions from schemas (`pattern`, `patternProperties`). Schemas
 * are written for Java's `java.util.regex`, which accepts escapes such as `\_`
 * that JavaScript's Unicode mode refuses; a pattern is compiled in Unicode
 * mode when it can be and without it otherwise, and refused only when neither
 * reads it. Matching is a search, as Java's `Matcher.find()` (ObjectSchemaDiff).
 */

export function compilePattern(source: string, flags = 'u'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (unicodeError) {
    if (!flags.includes('u')) throw unicodeError;
    return new RegExp(source, flags.replace('u', ''));
  }
}

/** The validator's regular-expression engine option, with the same fallback. */
export const patternEngine = Object.assign((source: string, flags: string) => compilePattern(source, flags), {
  code: 'new RegExp',
});
