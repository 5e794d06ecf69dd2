/**
 * `creg serve`: the registry server, configured by flags or by `PORT`,
 * `DATABASE_URL` and `LOG_LEVEL`. On SIGTERM or SIGINT it drains (readiness
 * 503 while it keeps serving, for the drain period), then stops gracefully;
 * a second signal exits at once.
 */
import { Command, Option } from 'commander';
import { createLogger } from '../logger.js';
import type { RunningServer, ServerOptions } from '../server.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the schema registry HTTP server')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT').default('8081'))
    .addOption(new Option('--host <host>', 'address to bind').env('HOST'))
    .addOption(
      new Option('--database-url <url>', 'file:PATH for SQLite (default ./data/registry.db), postgres://… for PostgreSQL').env(
        'DATABASE_URL',
      ),
    )
    .addOption(new Option('--log-level <level>', 'pino log level').env('LOG_LEVEL').default('info'))
    .addOption(new Option('--auth-file <file>', "turn authentication on: Karapace's auth file or the registry's own (YAML or JSON)").env('CREG_AUTH_FILE'))
    .addOption(new Option('--audit-log <file>', 'also write the audit trail as JSON lines, to a file or - for standard output').env('CREG_AUDIT_LOG'))
    .addOption(new Option('--audit-reads', 'audit reads too (off by default: they are most of the traffic)').env('CREG_AUDIT_READS'))
    .addOption(new Option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (chain)').env('CREG_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', 'the PEM private key of --tls-cert').env('CREG_TLS_KEY'))
    .addOption(new Option('--tls-ca <file>', 'ask for client certificates signed by this PEM CA; their subject CN names the principal').env('CREG_TLS_CA'))
    .addOption(new Option('--drain-seconds <seconds>', 'on SIGTERM, keep serving this long with /health/ready at 503 before stopping').env('CREG_DRAIN_SECONDS').default('5'))
    .addOption(new Option('--heartbeat-seconds <seconds>', 'how often this node refreshes its row among the nodes sharing the database').env('CREG_HEARTBEAT_SECONDS').default('5'))
    .addOption(new Option('--no-metrics', 'no Prometheus metrics at all (GET /metrics answers 404)'))
    .addOption(new Option('--metrics-port <port>', 'serve GET /metrics on this port only, not on the main one').env('CREG_METRICS_PORT'))
    .addOption(new Option('--metrics-token <token>', 'answer GET /metrics only with Authorization: Bearer <token>').env('CREG_METRICS_TOKEN'))
    .addHelpText(
      'after',
      '\nExamples:\n  creg serve\n  PORT=9000 DATABASE_URL=file:/var/lib/creg/registry.db creg serve\n  creg serve --auth-file /etc/creg/auth.yaml --audit-log -\n',
    )
    .action(async (options: ServeOptions) => {
      const logger = createLogger(options.logLevel);
      const drainMs = seconds(options.drainSeconds, '--drain-seconds', 0) * 1000;
      let running: RunningServer | undefined;
      let signals = 0;
      // Installed before anything starts, so that no signal ever meets Node's default (death without a drain).
      const stop = (signal: string) => {
        if (++signals > 1 || !running) {
          logger.warn({ signal }, running ? 'second signal: exiting at once' : 'signal while starting: exiting at once');
          process.exit(running ? 1 : 0);
        }
        const serving = running;
        logger.info({ signal, drainMs }, 'draining: /health/ready answers 503, requests are still served');
        serving
          .drain()
          .then(() => {
            logger.info('shutting down: finishing in-flight requests');
            return serving.close();
          })
          .then(
            () => {
              logger.info('stopped');
              process.exit(0);
            },
            (error: unknown) => {
              logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      // Loaded here, not at the top: the server pulls in Prisma and Express, which the other commands do not need.
      const { startServer } = await import('../server.js');
      running = await startServer({
        port: Number(options.port),
        host: options.host,
        databaseUrl: options.databaseUrl,
        logger,
        authFile: options.authFile,
        auditLog: options.auditLog,
        auditReads: options.auditReads === true || options.auditReads === 'true',
        tls: tlsFiles(options),
        drainMs,
        heartbeatMs: seconds(options.heartbeatSeconds, '--heartbeat-seconds', 0.1) * 1000,
        metrics: metricsOptions(options),
      });
      logger.info(
        { url: running.url, metricsUrl: running.metricsUrl, authentication: running.authenticated ? options.authFile : 'off: every caller may do everything' },
        'registry listening',
      );
    });
}

interface ServeOptions {
  port: string;
  host?: string;
  databaseUrl?: string;
  logLevel: string;
  authFile?: string;
  auditLog?: string;
  auditReads?: boolean | string;
  tlsCert?: string;
  tlsKey?: string;
  tlsCa?: string;
  drainSeconds: string;
  heartbeatSeconds: string;
  metrics: boolean;
  metricsPort?: string;
  metricsToken?: string;
}

function metricsOptions(options: ServeOptions): ServerOptions['metrics'] {
  if (options.metrics === false) return false;
  return { port: options.metricsPort === undefined ? undefined : port(options.metricsPort, '--metrics-port'), token: options.metricsToken };
}

function port(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${flag} must be a port number; got ${JSON.stringify(text)}`);
  return value;
}

function seconds(text: string, flag: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < minimum) throw new Error(`${flag} must be a number of seconds, at least ${minimum}; got ${JSON.stringify(text)}`);
  return value;
}

function tlsFiles(options: ServeOptions): { cert: string; key: string; ca?: string } | undefined {
  if (!options.tlsCert && !options.tlsKey) {
    if (options.tlsCa) throw new Error('--tls-ca needs --tls-cert and --tls-key');
    return undefined;
  }
  if (!options.tlsCert || !options.tlsKey) throw new Error('--tls-cert and --tls-key go together');
  return { cert: options.tlsCert, key: options.tlsKey, ca: options.tlsCa };
}
