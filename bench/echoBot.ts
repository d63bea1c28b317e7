/** A bare echo bot on the same botbuilder, adapter and web server: the baseline the survey bot is measured against. */
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/**
 * Starts the echo bot on a free loopback port.
 * @example const echo = await startEchoBot(); await fetch(`${echo.url}/api/messages`, ...); await echo.close();
 */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}
