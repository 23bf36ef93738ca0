import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileAttachment, guessContentType, parseAttachCommand } from '../../../scripts/chat/attachment';

describe('attachments from local files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chat-attach-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('guesses the content type from the extension, whatever its case', () => {
    expect(guessContentType('a/b/photo.JPG')).toBe('image/jpeg');
    expect(guessContentType('receipt.pdf')).toBe('application/pdf');
    expect(guessContentType('clip.mp4')).toBe('video/mp4');
    expect(guessContentType('noextension')).toBe('application/octet-stream');
  });

  it('reads a file into a base64 data URL with its name', async () => {
    const path = join(dir, 'tiny.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(path, bytes);
    const result = await fileAttachment(path);
    expect(result).toEqual({ ok: true, value: { contentType: 'image/png', contentUrl: `data:image/png;base64,${bytes.toString('base64')}`, name: 'tiny.png' } });
  });

  it('says what is wrong with a missing path or a directory', async () => {
    expect(await fileAttachment(join(dir, 'nope.jpg'))).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await fileAttachment(dir)).toMatchObject({ ok: false, error: { kind: 'not_a_file' } });
  });

  it('splits "/attach" arguments into a path (quoted when it has spaces) and words', () => {
    expect(parseAttachCommand(' photo.jpg  the vase is broken ')).toEqual({ path: 'photo.jpg', text: 'the vase is broken' });
    expect(parseAttachCommand('"my photos/vase 1.jpg" 碎了')).toEqual({ path: 'my photos/vase 1.jpg', text: '碎了' });
    expect(parseAttachCommand('x.png')).toEqual({ path: 'x.png', text: '' });
    expect(parseAttachCommand('   ')).toBeNull();
  });
});
