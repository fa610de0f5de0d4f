// Process entry: configuration, database (embedded unless DATABASE_URL), server, clean shutdown.
import { loadConfig } from './core/config/index.ts';
import { acquireDataDirLock, DataDirLockedError, resolveClusterDir, startEmbeddedPostgres, type EmbeddedDb } from './core/db/embedded.ts';
import { buildApp, type App } from './app.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const say = (line: string) => process.stdout.write(line + '\n');
  let embedded: EmbeddedDb | undefined;
  let releaseLock: (() => void) | undefined;
  let app: App | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n收到 ${signal}，正在停止……`);
    try {
      await app?.close();
      await embedded?.stop();
    } finally {
      releaseLock?.();
      say('已停止。');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    try {
      releaseLock = acquireDataDirLock(config.dataDir);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        process.stderr.write(err.message + '\n');
        process.exit(1);
      }
      throw err;
    }
    const { clusterDir, note } = resolveClusterDir(config.dataDir);
    if (note) say(note);
    say(`正在启动内置 PostgreSQL（${clusterDir}，端口 ${config.embeddedPgPort}）……`);
    embedded = await startEmbeddedPostgres({ clusterDir, port: config.embeddedPgPort, log: (m) => process.stderr.write(m + '\n') });
    databaseUrl = embedded.url;
  }

  app = await buildApp({ config, databaseUrl, seed: true, log: say, anchorAudit: true });
  await app.app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // Hints are read before the "started" line so that everything a user needs appears together.
  const hints = await startupHints(app);
  say(`Gongkai 已启动（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）：http://${shown}:${config.port}/`);
  say(`管理后台：http://${shown}:${config.port}/staff`);
  for (const line of hints) say(line);
}

async function startupHints(app: App): Promise<string[]> {
  const { loginHints } = await import('./modules/staff/index.ts');
  return loginHints(app.core);
}

main().catch((err: unknown) => {
  process.stderr.write(`启动失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
