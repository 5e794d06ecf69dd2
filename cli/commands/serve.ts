/**
 * `creg serve`: the registry server, configured by flags or by `PORT`,
 * `DATABASE_URL` and `LOG_LEVEL`; stops gracefully on SIGTERM and SIGINT.
 */
import { Command, Option } from 'commander';
import { createLogger } from '../logger.js';

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
    .addHelpText(
      'after',
      '\nExamples:\n  creg serve\n  PORT=9000 DATABASE_URL=file:/var/lib/creg/registry.db creg serve\n  creg serve --auth-file /etc/creg/auth.yaml --audit-log -\n',
    )
    .action(async (options: ServeOptions) => {
      const logger = createLogger(options.logLevel);
      // Loaded here, not at the top: the server pulls in Prisma and Express, which the other commands do not need.
      const { startServer } = await import('../server.js');
      const running = await startServer({
        port: Number(options.port),
        host: options.host,
        databaseUrl: options.databaseUrl,
        logger,
        authFile: options.authFile,
        auditLog: options.auditLog,
        auditReads: options.auditReads === true || options.auditReads === 'true',
        tls: tlsFiles(options),
      });
      logger.info(
        { url: running.url, authentication: running.authenticated ? options.authFile : 'off: every caller may do everything' },
        'registry listening',
      );
      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        running.close().then(
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
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
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
}

function tlsFiles(options: ServeOptions): { cert: string; key: string; ca?: string } | undefined {
  if (!options.tlsCert && !options.tlsKey) {
    if (options.tlsCa) throw new Error('--tls-ca needs --tls-cert and --tls-key');
    return undefined;
  }
  if (!options.tlsCert || !options.tlsKey) throw new Error('--tls-cert and --tls-key go together');
  return { cert: options.tlsCert, key: options.tlsKey, ca: options.tlsCa };
}
