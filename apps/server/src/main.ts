import { buildApp } from './app.js';
import { ConfigError, parseConfig } from './platform/config/config.js';

/**
 * Starts the roles this process runs (GOLDDESK_ROLES): web (API, WebSocket, workbench, widget) and worker (jobs,
 * schedules, the outbox relay); both by default, in one process with the demo shop.
 */
async function main() {
  let config;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.lines) console.error(`config error: ${line}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config);
  const storage = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const backing = `${storage}${config.redisUrl ? ' + Redis' : ''}`;
  if (config.roles.web) {
    await app.http.listen({ host: config.host, port: config.port });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `GoldDesk 金牌客服工作台 listening on http://${config.host}:${port} (${backing}${config.roles.worker ? '' : ', web only'})`,
    );
  } else {
    console.log(`GoldDesk 金牌客服工作台 worker running background jobs (${backing})`);
  }
  if (app.demoPassword) {
    console.log(`Demo shop "demo" created. Agents owner / presale1 / aftersale1 / support1, password: ${app.demoPassword}`);
    console.log('(shown once; set GOLDDESK_DEMO_PASSWORD to choose it)');
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining`);
    // Whatever happens, leave within the contract's 10 seconds.
    setTimeout(() => process.exit(0), config.shutdownGraceMs + 1500).unref();
    const grace = new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
    Promise.race([app.close(), grace]).then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error('GoldDesk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
