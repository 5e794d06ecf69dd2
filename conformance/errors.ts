/**
 * A conformance run that cannot reach a verdict — the registry, the contract
 * files or the replica could not be reached or read — ends with a
 * `ToolError`, kept apart from findings as buf keeps system errors apart
 * from file annotations (bufctl `ExitCodeFileAnnotation`); the CLI exits 3.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}
