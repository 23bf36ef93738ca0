import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../logger';
import type { StaffInstallHandler } from '../staff-router';
import type { StaffReferences } from '../staff-references';
import { channelReference, isCsChannel, teamOf } from './cs-channel';
import type { CsDirectory } from './cs-roster';

// The bot installed in the CS channel (or members of its team changed): remember where the channel is and who
// its members are. Membership events of a team arrive in its General channel, so any team event fetches the CS
// channel's members; a team the CS channel is not in simply answers with an error, which is logged.

export class CsInstall implements StaffInstallHandler {
  constructor(
    private readonly o: {
      csChannelId: string | undefined;
      references: StaffReferences;
      directory: CsDirectory;
      log: Logger;
    },
  ) {}

  async onInstall(context: TurnContext): Promise<void> {
    const channelId = this.o.csChannelId;
    if (!channelId) return;
    const activity = context.activity;
    const inChannel = isCsChannel(activity, channelId);
    if (inChannel) {
      try {
        await this.o.references.saveChannel(channelId, channelReference(activity, channelId));
        this.o.log.info({ channelId }, 'CS channel recorded');
      } catch (err) {
        this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not save the CS channel reference');
      }
    }
    if (inChannel || teamOf(activity)) await this.o.directory.refresh(context);
  }
}
