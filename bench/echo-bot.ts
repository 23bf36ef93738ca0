import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogState, WaterfallStepContext } from 'botbuilder-dialogs';
import { RedisStorage } from '../bot/storage';
import { createRedis } from '../services/store';
import { handleMemoryMessage, startMemoryProbe } from './support/memory-probe';
import { handleProfilerMessage } from './support/window-profiler';

// The yardstick of the conversation benchmark: the least a bot on this stack can do per turn. Same framework
// (restify, CloudAdapter, ConversationState, a waterfall dialog) and the same Redis-backed storage as the refund
// bot, but one step that echoes the message, and no turn lock, reply cache, recognizer or refund service.
//
// Started by bench/conversation.ts as a child process; on its own:
//   ECHO_REDIS_URL=redis://127.0.0.1:6379 npx ts-node --transpile-only bench/echo-bot.ts

export interface EchoBotOptions {
  redisUrl: string;
  /** Key prefix of the echo bot's conversation state. */
  prefix: string;
  port?: number;
  host?: string;
}

export interface EchoBot {
  url: string;
  stop(): Promise<void>;
}

const ECHO = 'echo-waterfall';

class EchoActivityHandler extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly state: ConversationState) {
    super();
    this.dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new WaterfallDialog(ECHO, [echoStep]));
    this.onMessage(async (context, next) => {
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ECHO);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

async function echoStep(step: WaterfallStepContext) {
  const a = step.context.activity;
  const said = a.text ?? (a.value !== undefined ? JSON.stringify(a.value) : `${a.attachments?.length ?? 0} attachment(s)`);
  await step.context.sendActivity(`echo: ${said}`);
  return step.endDialog();
}

export async function startEchoBot(options: EchoBotOptions): Promise<EchoBot> {
  const redis = createRedis({ url: options.redisUrl, name: 'echo-bot' });
  await redis.connect();
  const state = new ConversationState(new RedisStorage({ client: redis, prefix: options.prefix }));
  const bot = new EchoActivityHandler(state);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo bot turn failed: ${error.message}\n`);
    await context.sendActivity('echo bot error');
  };

  // The same HTTP set-up as the refund app's server, so both pay the same for parsing.
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 16 * 1024 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  return {
    url: `http://${host}:${server.address().port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.close().catch(() => undefined);
    },
  };
}

if (require.main === module) {
  const env = process.env;
  startEchoBot({
    redisUrl: env.ECHO_REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: env.ECHO_PREFIX ?? 'bench:echo:',
    port: Number(env.ECHO_PORT ?? 0),
  }).then(
    (echo) => {
      startMemoryProbe();
      if (process.send) process.send({ type: 'ready', url: echo.url });
      else process.stdout.write(`echo bot listening on ${echo.url}\n`);
      const stop = () => void echo.stop().then(() => process.exit(0));
      process.on('message', (m: { op?: string; id?: number; file?: string }) => {
        if (handleProfilerMessage(m) || handleMemoryMessage(m)) return;
        if (m.op === 'stop') stop();
        // The benchmark compares the processor time each bot spends per turn.
        if (m.op === 'cpu') process.send!({ id: m.id, cpu: process.cpuUsage() });
      });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      process.stderr.write(`echo bot failed to start: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
