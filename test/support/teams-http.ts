import type { Activity } from 'botbuilder';

// Teams-shaped activities, as the Teams channel posts them to /api/messages: personal chats for merchants, a
// team channel for the CS desk, and `adaptiveCard/action` invokes for Universal Actions (Action.Execute).

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let counter = 0;

export interface TeamsUser {
  /** The Teams user id (29:...). */
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name: string): TeamsUser {
  const n = ++counter;
  return { id: `29:${name}-${n}`, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name };
}

export interface TeamsPlace {
  conversationId: string;
  kind: 'personal' | 'channel';
  teamId?: string;
  channelId?: string;
}

export function personalChat(user: TeamsUser): TeamsPlace {
  return { conversationId: `a:personal-${user.aadObjectId}`, kind: 'personal' };
}

export function channelPlace(channelId: string, teamId = '19:team-cs@thread.tacv2'): TeamsPlace {
  return { conversationId: channelId, kind: 'channel', teamId, channelId };
}

export class TeamsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly serviceUrl: string,
  ) {}

  base(user: TeamsUser, place: TeamsPlace, partial: Partial<Activity>): Partial<Activity> {
    return {
      id: `f:${++counter}-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:refund-desk', name: 'Refund Desk' },
      conversation: {
        id: place.conversationId,
        conversationType: place.kind,
        tenantId: TENANT_ID,
        isGroup: place.kind === 'channel',
      } as Activity['conversation'],
      channelData: {
        tenant: { id: TENANT_ID },
        ...(place.teamId ? { team: { id: place.teamId } } : {}),
        ...(place.channelId ? { channel: { id: place.channelId } } : {}),
      },
      locale: 'zh-CN',
      ...partial,
    };
  }

  async post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: res.status, body };
  }

  /** A message; replies arrive at the fake connector (Teams does not use expectReplies). */
  say(user: TeamsUser, place: TeamsPlace, text: string, extra: Partial<Activity> = {}) {
    return this.post(this.base(user, place, { type: 'message', text, ...extra }));
  }

  /** A click on an Action.Execute button: the invoke response body is the refreshed card (or a message). */
  execute(user: TeamsUser, place: TeamsPlace, verb: string, data: Record<string, unknown>, extra: Partial<Activity> = {}) {
    return this.post(
      this.base(user, place, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...extra,
      }),
    );
  }

  /** The bot was added to a personal chat or a team (installationUpdate). */
  install(user: TeamsUser, place: TeamsPlace) {
    return this.post(this.base(user, place, { type: 'installationUpdate', action: 'add' } as Partial<Activity>));
  }
}
