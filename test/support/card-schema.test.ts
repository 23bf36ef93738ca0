import { cardErrors } from './card-schema';

describe('Adaptive Card schema check', () => {
  it('accepts a valid 1.5 card', () => {
    expect(cardErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hi', wrap: true }], actions: [{ type: 'Action.Submit', title: 'Go', data: { action: 'x' } }] })).toEqual([]);
  });
  it('refuses a card with a bad element', () => {
    expect(cardErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'hi' }] }).length).toBeGreaterThan(0);
  });
  it('refuses an action without its required fields', () => {
    expect(cardErrors({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.OpenUrl', title: 'x' }] }).length).toBeGreaterThan(0);
  });
});
