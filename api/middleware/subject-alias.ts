/**
 * Subject aliases (`alias` in a subject's own config), resolved once in
 * front of the routes as Confluent's `AliasFilter` does: every path segment
 * that follows a `subjects` segment, and the `subject` query of
 * `/schemas/ids/…`, is replaced by the alias its exact subject-level config
 * names (no context or global fallback, one hop, no chains). `/config` and
 * `/mode` name the alias itself, so they are never rewritten, and neither is
 * the subject list. Wired before access control, so that the rules apply to
 * the subject a request really reaches.
 */
import type { RequestHandler } from 'express';
import type { Registry } from '../../contracts/registry/index.js';

export function subjectAliases(registry: Registry): RequestHandler {
  const aliasOf = async (subject: string): Promise<string | undefined> => (await registry.store.config(subject))?.alias || undefined;

  return async (req, _res, next) => {
    const queryAt = req.url.indexOf('?');
    const path = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
    const query = queryAt < 0 ? '' : req.url.slice(queryAt + 1);
    const segments = path.split('/');
    let changed = false;
    for (let i = 1; i < segments.length; i++) {
      if (segments[i - 1] !== 'subjects' || segments[i] === '') continue;
      const subject = decoded(segments[i]!);
      const alias = subject === undefined ? undefined : await aliasOf(subject);
      if (alias === undefined) continue;
      segments[i] = encodeURIComponent(alias);
      changed = true;
    }
    let rewrittenQuery = query;
    if (path.startsWith('/schemas/ids/') && query !== '') {
      const params = new URLSearchParams(query);
      const subject = params.get('subject');
      const alias = subject ? await aliasOf(subject) : undefined;
      if (alias !== undefined) {
        params.set('subject', alias);
        rewrittenQuery = params.toString();
        changed = true;
      }
    }
    if (changed) req.url = `${segments.join('/')}${rewrittenQuery === '' ? '' : `?${rewrittenQuery}`}`;
    next();
  };
}

/** A path segment decoded, or undefined when its escapes are broken (the router answers that). */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
