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
    .addHelpText('after', '\nExamples:\n  creg serve\n  PORT=9000 DATABASE_URL=file:/var/lib/creg/registry.db creg serve\n')
    .action(async (options: { port: string; host?: string; databaseUrl?: string; logLevel: string }) => {
      const logger = createLogger(options.logLevel);
      // Loaded here, not at the top: the server pulls in Prisma and Express, which the other commands do not need.
      const { startServer } = await import('../server.js');
      const running = await startServer({
        port: Number(options.port),
        host: options.host,
        databaseUrl: options.databaseUrl,
        logger,
      });
      logger.info({ url: running.url }, 'registry listening');
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
