/**
 * Where in the text a protobufjs error points, for the 42201 message. Its
 * syntax errors say `illegal token 'x' (line 3)`: the column is where the
 * quoted token last appears on that line (the end of the line when it does
 * not). Its checks of the whole tree say `duplicate id 1 in Type .pkg.A`:
 * the place is the declaration of the type named last.
 */

export function locateError(text: string, message: string): string {
  const located = /^(.*) \((?:.*, )?line (\d+)\)$/s.exec(message);
  if (located) {
    const [, reason, lineText] = located;
    const line = Number(lineText);
    const source = text.split('\n')[line - 1] ?? '';
    const token = /'([^']*)'/.exec(reason!)?.[1];
    const index = token ? source.lastIndexOf(token) : -1;
    return `line ${line}:${index >= 0 ? index + 1 : source.length + 1}: ${reason}`;
  }
  const owner = / in (Type|Enum|Service) \.?(?:[\w.]*\.)?(\w+)$/.exec(message);
  if (!owner) return message;
  const keyword = owner[1] === 'Type' ? 'message' : owner[1]!.toLowerCase();
  const declaration = new RegExp(`\\b${keyword}\\s+${owner[2]}\\b`).exec(text);
  if (!declaration) return message;
  const before = text.slice(0, declaration.index).split('\n');
  return `line ${before.length}:${before[before.length - 1]!.length + 1}: ${message}`;
}
