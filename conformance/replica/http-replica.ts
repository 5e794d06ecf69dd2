/**
 * A replica attached over HTTP (`creg conform --replica-url URL`), for
 * replicas in any language or already deployed. All steps share the one
 * replica, so every step uses keys of its own. The protocol:
 *
 *   POST URL/messages            {"key": "c-1", "value": "<base64>" | null,
 *                                 "headers": {"ecst-sequence": "3"}}
 *        2xx: applied, or ignored as a duplicate or stale event
 *        4xx/5xx: rejected (how a poison message is reported); the body is quoted
 *   GET  URL/entities/{key}      (key percent-encoded)
 *        200: the state as JSON (bytes as base64), 404: absent
 *   GET  URL/replica             optional: {"fields": [...], "readerVersion": 3}
 *        404: nothing declared (all fields of the latest version)
 *
 * Writer schemas: the replica resolves them through its own registry
 * client; started against the run registry (`--serve-registry PORT`) it
 * resolves the scratch schemas of `future-schema` too.
 */
import { ToolError } from '../errors.js';
import {
  DEFAULT_CALL_TIMEOUT_MS,
  errorText,
  type ReplicaAttachment,
  type ReplicaDeclaration,
  type ReplicaSession,
} from './attachment.js';

export interface HttpAttachmentOptions {
  timeoutMs?: number;
  /**
   * True when the replica resolves writer schemas through the run registry
   * (it was started against `creg conform --serve-registry PORT`), so that
   * `future-schema` runs; default false, since only the run registry holds
   * scratch schemas.
   */
  resolvesScratchSchemas?: boolean;
}

export function httpAttachment(baseUrl: string, options: HttpAttachmentOptions = {}): ReplicaAttachment {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const call = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });

  const session: ReplicaSession = {
    async apply(message) {
      try {
        const response = await call('/messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            key: message.key,
            value: message.value === null ? null : message.value.toString('base64'),
            headers: message.headers,
          }),
        });
        const body = await response.text();
        return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}${body ? `: ${body.slice(0, 500)}` : ''}` };
      } catch (error) {
        return { ok: false, error: `POST ${base}/messages failed: ${errorText(error)}` };
      }
    },
    async get(key) {
      try {
        const response = await call(`/entities/${encodeURIComponent(key)}`, { headers: { Accept: 'application/json' } });
        const body = await response.text();
        if (response.status === 404) return { present: false };
        if (!response.ok) return { error: `GET entities/${key} answered HTTP ${response.status}: ${body.slice(0, 500)}` };
        try {
          return { present: true, state: JSON.parse(body) as unknown };
        } catch {
          return { error: `GET entities/${key} answered a body that is not JSON: ${body.slice(0, 200)}` };
        }
      } catch (error) {
        return { error: `GET ${base}/entities/${key} failed: ${errorText(error)}` };
      }
    },
    close: async () => {},
  };

  return {
    description: base,
    isolated: false,
    resolvesScratchSchemas: options.resolvesScratchSchemas === true,
    async declaration(): Promise<ReplicaDeclaration> {
      let response: Response;
      try {
        response = await call('/replica', { headers: { Accept: 'application/json' } });
      } catch (error) {
        throw new ToolError(`Cannot reach the replica at ${base}: ${errorText((error as Error).cause ?? error)}`);
      }
      if (response.status === 404 || response.status === 405) return {};
      if (!response.ok) throw new ToolError(`GET ${base}/replica answered HTTP ${response.status}`);
      const body = (await response.json().catch(() => undefined)) as ReplicaDeclaration | undefined;
      if (typeof body !== 'object' || body === null) throw new ToolError(`GET ${base}/replica did not answer a JSON object`);
      return {
        ...(Array.isArray(body.fields) && { fields: body.fields.map(String) }),
        ...(Number.isInteger(body.readerVersion) && { readerVersion: body.readerVersion }),
      };
    },
    open: async () => session,
    close: async () => {},
  };
}
