import type { Activity } from 'botbuilder';
import type { MerchantDirectory } from '../../../services/merchants';
import type { Logger } from '../../logger';
import { referenceOf } from '../../proactive';
import type { StaffReferences } from '../staff-references';
import type { MerchantCaller } from './merchant-caller';
import { isPersonalChat } from './merchant-caller';

// Where to reach a merchant later, kept up to date on install and on every message and click in their personal
// chat (DESIGN.md §5: Teams install events are unreliable). The reference carries the language the merchant last
// used, so proactive cards speak it. Anyone who writes to the bot can be reached again: an "unreachable" mark
// (they had blocked the app) goes.

export class MerchantPresence {
  constructor(private readonly o: { references: StaffReferences; directory: MerchantDirectory; log: Logger }) {}

  async seen(activity: Partial<Activity>, caller: MerchantCaller): Promise<void> {
    if (!isPersonalChat(activity)) return;
    try {
      await this.o.references.saveUser(caller.userId, { ...referenceOf(activity), locale: caller.lang });
      if (await this.o.directory.markReachable(caller.userId)) this.o.log.info({ userId: caller.userId }, 'merchant reachable again');
    } catch (err) {
      // Losing one update of the reference must not cost the merchant their turn: the next message writes it.
      this.o.log.warn({ userId: caller.userId, err: String(err) }, 'could not record the merchant conversation');
    }
  }
}
