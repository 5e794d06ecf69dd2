/**
 * The conformance checker's public surface: run it (`runConformance`), read
 * a contract from a registry or from files, attach a replica as a module or
 * over HTTP, render the report and the body that publishes it; and the types a replica author
 * implements (`Replica`, `CreateReplica`, `ReplicaMessage`, `ReplicaContext`).
 */
export { runConformance, type RunOptions } from './runner.js';
export { contractFromRegistry, type RegistryReader, type SchemaEntity } from './sources/registry-source.js';
export { contractFromFiles } from './sources/file-source.js';
export { functionAttachment, moduleAttachment } from './replica/module-replica.js';
export { httpAttachment, type HttpAttachmentOptions } from './replica/http-replica.js';
export type { RunRegistry, RunRegistryRequest, RunRegistrySchema, ServeRunRegistry } from './replica/run-registry.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './reports/index.js';
export { verificationBody, type VerificationBody } from './publish.js';
export { SCENARIOS } from './scenarios/index.js';
export { failingScenarios, type ConformanceReport } from './report.js';
export { ToolError } from './errors.js';
export type { Replica, CreateReplica, ReplicaMessage, ReplicaContext, ReplicaSchema } from './replica/protocol.js';
export type { Contract, ContractVersion } from './contract.js';
export type { Scenario } from './scenarios/scenario.js';
