import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { dashboardMessages } from '../../bot/operators/dashboard-files';
import { CASE_STATUSES, CASE_TYPES, REASONS, ROLES } from '../../services/refunds';
import { CASE_EVENTS } from '../../services/refunds/state-machine';

// The dashboard's files and wording: served with a strict content security policy, nothing outside the list,
// and a label in both languages for every state, reason, type, role and audit event the API can return.

describe('dashboard files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each([
    ['/dashboard', 'text/html'],
    ['/dashboard/dashboard.js', 'text/javascript'],
    ['/dashboard/charts.js', 'text/javascript'],
    ['/dashboard/dashboard.css', 'text/css'],
  ])('serves %s as %s without a token, scripts from this server only', async (path, type) => {
    const res = await fetch(`${t.app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await res.text()).length).toBeGreaterThan(100);
  });

  it('serves nothing else from there', async () => {
    for (const path of ['/dashboard/package.json', '/dashboard/..%2F..%2Fpackage.json', '/dashboard/index.ts']) {
      const res = await fetch(`${t.app.url}${path}`);
      await res.text();
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('serves its wording in both languages', async () => {
    const res = await fetch(`${t.app.url}/dashboard/messages.json`);
    const body = (await res.json()) as { zh: Record<string, string>; en: Record<string, string> };
    expect(body.zh['operators.dash.title']).toBe('退款助手 · 运营看板');
    expect(body.en['operators.dash.title']).toBe('Refund Desk · Operators');
  });

  it('has a label for every state, reason, type, role and audit event', () => {
    const { zh, en } = dashboardMessages();
    const keys = [
      ...CASE_STATUSES.map((s) => `operators.state.${s}`),
      ...REASONS.map((r) => `operators.reason.${r}`),
      ...CASE_TYPES.map((c) => `operators.type.${c}`),
      ...ROLES.map((r) => `operators.role.${r}`),
      ...CASE_EVENTS.map((e) => `operators.event.${e}`),
    ];
    expect(keys.filter((k) => !zh[k] || !en[k])).toEqual([]);
  });
});
