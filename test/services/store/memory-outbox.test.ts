import { MemoryOutbox } from '../../../services/store';
import { aCase, anEventFor } from '../../support/case-builder';

const eventOf = (version: number) => anEventFor(aCase({ version }), null);

describe('MemoryOutbox', () => {
  it('keeps copies: changing an appended or returned event does not change the log', () => {
    const outbox = new MemoryOutbox();
    const e = eventOf(1);
    outbox.append(e);
    e.type = 'tampered';
    outbox.events()[0]!.type = 'tampered';
    expect(outbox.events()).toEqual([eventOf(1)]);
  });

  it('drops the oldest events beyond its maximum length, and groups skip what was dropped', () => {
    const outbox = new MemoryOutbox({ maxLength: 3 });
    for (let v = 1; v <= 5; v++) outbox.append(eventOf(v));
    expect(outbox.events().map((e) => e.version)).toEqual([3, 4, 5]);
    outbox.ensureGroup('g');
    expect(outbox.take('g', 'c', 1_000)?.event.version).toBe(3);
  });

  it('keeps a delivered event pending until acknowledged, then hands it over once idle', () => {
    let now = 0;
    const outbox = new MemoryOutbox({ now: () => now });
    outbox.append(eventOf(1));
    outbox.ensureGroup('g');
    const first = outbox.take('g', 'a', 1_000)!;
    expect(outbox.pendingCount('g')).toBe(1);
    expect(outbox.take('g', 'b', 1_000)).toBeNull();
    now = 1_000;
    expect(outbox.take('g', 'b', 1_000)?.seq).toBe(first.seq);
    outbox.ack('g', first.seq);
    expect(outbox.pendingCount('g')).toBe(0);
    now = 5_000;
    expect(outbox.take('g', 'b', 1_000)).toBeNull();
  });

  it('refuses to read a group that was never created', () => {
    expect(() => new MemoryOutbox().take('nope', 'c', 0)).toThrow('nope');
  });
});
