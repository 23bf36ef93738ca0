import { HostAllowlist, parseHostEntry, sameOrigin } from '../../../services/evidence/allowed-hosts';

const allows = (list: HostAllowlist, url: string): boolean => list.allows(new URL(url));

describe('HostAllowlist', () => {
  it('matches configured hosts exactly by name, on the default port when none is given', () => {
    const list = HostAllowlist.of(['cdn.example.com', 'files.example.com:8443', 'LOCALHOST:3978']);
    expect(allows(list, 'https://cdn.example.com/a.jpg')).toBe(true);
    expect(allows(list, 'http://cdn.example.com/a.jpg')).toBe(true);
    expect(allows(list, 'https://CDN.example.com/a.jpg')).toBe(true);
    expect(allows(list, 'https://cdn.example.com:8443/a.jpg')).toBe(false);
    expect(allows(list, 'https://evil-cdn.example.com/a.jpg')).toBe(false);
    expect(allows(list, 'https://cdn.example.com.evil.test/a.jpg')).toBe(false);
    expect(allows(list, 'https://sub.cdn.example.com/a.jpg')).toBe(false);
    expect(allows(list, 'https://files.example.com:8443/a.pdf')).toBe(true);
    expect(allows(list, 'https://files.example.com/a.pdf')).toBe(false);
    expect(allows(list, 'http://localhost:3978/a.png')).toBe(true);
    expect(allows(list, 'http://localhost:3979/a.png')).toBe(false);
  });

  it('adds the service host with its exact port', () => {
    const list = HostAllowlist.of([]).withServiceUrl('http://localhost:56123');
    expect(allows(list, 'http://localhost:56123/v3/attachments/x/views/original')).toBe(true);
    expect(allows(list, 'http://localhost:56124/x')).toBe(false);
    expect(allows(list, 'http://127.0.0.1:56123/x')).toBe(false);

    const directLine = HostAllowlist.of([]).withServiceUrl('https://directline.botframework.com/');
    expect(allows(directLine, 'https://directline.botframework.com/attachments/1')).toBe(true);
    expect(allows(directLine, 'https://directline.botframework.com:443/attachments/1')).toBe(true);
    expect(allows(directLine, 'http://directline.botframework.com/attachments/1')).toBe(false);
  });

  it('ignores a missing or unusable service URL', () => {
    for (const serviceUrl of [undefined, '', 'not a url', 'file:///etc']) {
      expect(allows(HostAllowlist.of([]).withServiceUrl(serviceUrl), 'http://localhost/x')).toBe(false);
    }
  });

  it('never allows schemes other than http(s)', () => {
    const list = HostAllowlist.of(['localhost']);
    expect(allows(list, 'ftp://localhost/x')).toBe(false);
    expect(allows(list, 'file://localhost/etc/passwd')).toBe(false);
  });

  it('handles IPv6 literals', () => {
    expect(parseHostEntry('[::1]:8080')).toEqual({ hostname: '[::1]', port: '8080' });
    expect(allows(HostAllowlist.of(['[::1]']), 'http://[::1]/x')).toBe(true);
  });

  it.each(['https://cdn.example.com', 'cdn.example.com/path', 'user@cdn.example.com', '', 'a b'])(
    'rejects the configuration entry %j',
    (entry) => {
      expect(() => parseHostEntry(entry)).toThrow(/host\[:port\]/);
    },
  );

  it('compares origins for where credentials may go', () => {
    expect(sameOrigin(new URL('http://localhost:3978/a'), 'http://localhost:3978/')).toBe(true);
    expect(sameOrigin(new URL('http://localhost:3979/a'), 'http://localhost:3978/')).toBe(false);
    expect(sameOrigin(new URL('https://localhost:3978/a'), 'http://localhost:3978/')).toBe(false);
    expect(sameOrigin(new URL('http://localhost:3978/a'), undefined)).toBe(false);
  });
});
