import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function runCli(input: string): Promise<{ code: number | null; lines: unknown[]; stderr: string }> {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY; // offline: no network in tests
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/nlu-classify.ts'], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stderr, lines: stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown) }),
    );
    child.stdin.end(input);
  });
}

describe('npm run nlu:classify', () => {
  it('answers one JSON line per input line, skipping blank lines and reporting bad ones', async () => {
    const input = [
      JSON.stringify({ text: '快递到哪了' }),
      '',
      '   ',
      'this is not json',
      JSON.stringify({ nope: 1 }),
      JSON.stringify({ text: 'I want my money back for DEMO-1002, the vase arrived shattered' }),
      JSON.stringify({ text: '好的' }),
      JSON.stringify({ text: '转人工' }),
    ].join('\n');
    const { code, lines, stderr } = await runCli(input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ intent: 'delivery_problem', entities: {} });
    expect(lines[1]).toEqual({ error: expect.stringContaining('invalid JSON') });
    expect(lines[2]).toEqual({ error: expect.stringContaining('"text"') });
    expect(lines[3]).toMatchObject({ intent: 'file_refund', entities: { orderId: 'DEMO-1002', reason: 'damaged_in_transit' } });
    // Flow intents (a bare "ok") come out as other.
    expect(lines[4]).toMatchObject({ intent: 'other' });
    expect(lines[5]).toMatchObject({ intent: 'human_agent' });
    for (const line of lines.filter((l) => !(l as { error?: string }).error)) {
      const { confidence } = line as { confidence: number };
      expect(Object.keys(line as object).sort()).toEqual(['confidence', 'entities', 'intent']);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
