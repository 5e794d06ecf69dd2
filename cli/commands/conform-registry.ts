/**
 * The conformance checker's registry reads (`RegistryReader`) over the typed
 * client, with the command's credentials and timeouts; a failure becomes a
 * `ToolError` (exit 3) saying what the registry answered, except "no such
 * subject", which the checker reports in its own words.
 */
import { ToolError, type RegistryReader, type SchemaEntity } from '../../conformance/index.js';
import type { RegistryClient } from '../../client/registry-client.js';
import { describeFailure } from '../registry-options.js';

const SUBJECT_NOT_FOUND = 40401;

export function registryReader(client: RegistryClient): RegistryReader {
  return {
    url: client.baseUrl,
    async versions(subject, includeDeleted) {
      const { data, error, errorCode } = await settled(
        client.http.GET('/subjects/{subject}/versions', { params: { path: { subject }, query: { deleted: includeDeleted } } }),
      );
      if (errorCode === SUBJECT_NOT_FOUND) return undefined;
      if (data === undefined) throw new ToolError(`Cannot list the versions of ${subject}: ${error}`);
      return data as number[];
    },
    async version(subject, version) {
      const { data, error } = await settled(
        client.http.GET('/subjects/{subject}/versions/{version}', {
          params: { path: { subject, version }, query: { deleted: true } },
        }),
      );
      if (data === undefined) throw new ToolError(`Cannot read version ${version} of ${subject}: ${error}`);
      return data as unknown as SchemaEntity;
    },
  };
}

/** A typed-client call as data or a failure text (the client's `settle`, for calls it has no named method for). */
async function settled<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data?: T; error?: string; errorCode?: number }> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { data: data as T };
    const body = error as { error_code?: number; message?: string } | undefined;
    const errorCode = body?.error_code ?? response.status;
    return {
      error: describeFailure({ kind: 'http', status: response.status, errorCode, message: body?.message ?? '' }),
      errorCode,
    };
  } catch (cause) {
    return { error: describeFailure({ kind: 'transport', message: (cause as Error).message }) };
  }
}
