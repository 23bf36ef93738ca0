import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { chooseLanguage, t } from './i18n';
import { maybeTurnInfo } from './turn-info';

export interface BotCredentials {
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appId?: string;
  appPassword?: string;
  tenantId?: string;
}

/** Anonymous when no app id is configured (Emulator, tests, the built-in widget); single-tenant supported. */
export function createAdapter(credentials: BotCredentials, log: Logger, reset?: (context: TurnContext) => Promise<void>): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType ?? (credentials.appId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const info = maybeTurnInfo(context);
    const correlationId = info?.correlationId ?? context.activity.id ?? 'unknown';
    log.error(
      { correlationId, err: error.message, stack: error.stack, activityType: context.activity.type, channel: context.activity.channelId },
      'turn failed',
    );
    // The failed turn's dialog state is dropped, so the next message starts afresh instead of failing again.
    await reset?.(context).catch((err: unknown) => log.warn({ correlationId, err: String(err) }, 'could not reset the conversation'));
    if (context.activity.type !== 'message') return;
    const lang = info?.lang ?? chooseLanguage({ text: context.activity.text, locale: context.activity.locale });
    try {
      await context.sendActivity(t(lang, 'error.turn', { correlationId }));
    } catch (sendError) {
      log.warn({ correlationId, err: String(sendError) }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
