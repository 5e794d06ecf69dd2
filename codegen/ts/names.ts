/**
 * Identifiers of generated code: type names from schema names, property
 * names that need quoting, file names from subjects, and the allocator that
 * keeps every top-level name of a module distinct (a later claim of a taken
 * name gets `_2`, `_3`…, in generation order, so the result is stable).
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with as implements interface ' +
    'let package private protected public static yield any boolean number string symbol unknown never object bigint undefined ' +
    'Buffer Date Uint8Array Promise Record Array')
    .split(' '),
);

export const isIdentifier = (text: string): boolean => IDENTIFIER.test(text);

/** `customer_id` → `CustomerId`, `com.example.Address` → `ComExampleAddress`; capitals inside words are kept. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (joined === '') return 'Contract';
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  const lead = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(pascal)?.[0] ?? pascal[0]!;
  return lead.toLowerCase() + pascal.slice(lead.length);
}

/** The last dotted part of a full name. */
export const simpleName = (fullName: string): string => fullName.slice(fullName.lastIndexOf('.') + 1);

/** A subject as a file name: characters other than letters, digits, `.`, `_`, `-` become `_`. */
export function moduleFileName(subject: string): string {
  const safe = subject.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  const file = `${safe === '' ? '_' : safe}.ts`;
  // `index.ts` is the folder's own index.
  return file.toLowerCase() === 'index.ts' ? `_${file}` : file;
}

/** The type name a subject gives when its schema has none: `customer-value` → `Customer`, `customer-key` → `CustomerKey`. */
export function nameFromSubject(subject: string): string {
  return pascalCase(subject.replace(/-value$/, ''));
}

export class NameAllocator {
  private readonly taken = new Set<string>(RESERVED);

  /** `name`, or the first of `name_2`, `name_3`… not yet taken. */
  claim(name: string): string {
    let candidate = name;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${name}_${i}`;
    this.taken.add(candidate);
    return candidate;
  }

  /** `name` exactly; throws when it is taken (for the names the issue and the README promise). */
  claimExactly(name: string, what: string): string {
    if (this.taken.has(name)) throw new Error(`the generated name ${name} (${what}) is taken; set another "name" for the subject`);
    this.taken.add(name);
    return name;
  }
}

/**
 * One base name per schema full name across a module's versions: the
 * simple name in PascalCase, or the whole full name when another full name
 * already has that simple one.
 */
export class BaseNames {
  private readonly byFullName = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.used.add(name);
  }

  of(fullName: string, simple: string = simpleName(fullName)): string {
    const known = this.byFullName.get(fullName);
    if (known !== undefined) return known;
    let base = pascalCase(simple);
    if (this.used.has(base)) base = pascalCase(fullName);
    for (let i = 2; this.used.has(base); i++) base = `${pascalCase(fullName)}${i}`;
    this.used.add(base);
    this.byFullName.set(fullName, base);
    return base;
  }
}
