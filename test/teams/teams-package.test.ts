import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamsIcons } from '../../scripts/teams-icons';
import { buildTeamsPackage, manifestSchemaErrors, PLACEHOLDER_APP_ID, runCli, type PackageEnv } from '../../scripts/teams-package';
import { pngPixels, pngSize, readZip } from './readers';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'schemas', 'teams-app-manifest-1.29.json'), 'utf8')) as Record<string, unknown>;
const APP_ID = '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b';
const REAL_ENV: PackageEnv = { MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://refunds.example.com/' };

type Manifest = {
  id: string;
  manifestVersion: string;
  $schema: string;
  name: { short: string; full: string };
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
};

function built(env: PackageEnv, dev = false) {
  const result = buildTeamsPackage({ env, dev });
  if (!result.ok) throw new Error(`expected a package, got: ${result.error.problems.join('; ')}`);
  return { ...result.value, manifest: result.value.manifest as unknown as Manifest };
}

function problemsOf(env: PackageEnv, dev = false): string[] {
  const result = buildTeamsPackage({ env, dev });
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.kind).toBe('invalid_configuration');
  return result.error.problems;
}

describe('the filled manifest', () => {
  it('validates against the Teams 1.29 schema with no errors', () => {
    const { manifest, warnings } = built(REAL_ENV);
    expect(manifestSchemaErrors(manifest, SCHEMA)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('is version 1.29, names the bot registration as app and bot id, and trusts the public host', () => {
    const { manifest } = built(REAL_ENV);
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['refunds.example.com']);
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://refunds.example.com',
      privacyUrl: 'https://refunds.example.com/privacy',
      termsOfUseUrl: 'https://refunds.example.com/terms',
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('has one bot for merchants (personal, with files) and CS (team, group chat), with link and help commands', () => {
    const bot = built(REAL_ENV).manifest.bots[0]!;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    expect(bot.supportsFiles).toBe(true);
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands.map((c) => c.title)).toEqual(['link', 'help']);
    expect(personal.commands[0]!.description).toContain('link LINK-201');
    const team = bot.commandLists.find((l) => l.scopes.includes('team'))!;
    expect(team.commands.map((c) => c.title)).toEqual(['help']);
  });

  it('takes the name from BOT_NAME for both languages unless BOT_NAME_ZH is given', () => {
    expect(built({ ...REAL_ENV, BOT_NAME: 'Shop Refunds' }).manifest.name.short).toBe('Shop Refunds');
    expect(built({ ...REAL_ENV, BOT_NAME: 'Shop Refunds' }).localization['name.short']).toBe('Shop Refunds');
    expect(built({ ...REAL_ENV, BOT_NAME: 'Shop Refunds', BOT_NAME_ZH: '店铺退款' }).localization['name.short']).toBe('店铺退款');
    expect(built(REAL_ENV).manifest.name.short).toBe('Refund Desk');
    expect(built(REAL_ENV).localization['name.short']).toBe('退款服务台');
  });

  it('keeps a port in the valid domain and accepts explicit privacy and terms pages', () => {
    const { manifest } = built({ ...REAL_ENV, PUBLIC_BASE_URL: 'https://bot.example.net:8443', TEAMS_PRIVACY_URL: 'https://shop.example/privacy', TEAMS_TERMS_URL: 'https://shop.example/terms' });
    expect(manifest.validDomains).toEqual(['bot.example.net:8443']);
    expect(manifest.developer.privacyUrl).toBe('https://shop.example/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://shop.example/terms');
    expect(manifestSchemaErrors(manifest, SCHEMA)).toEqual([]);
  });

  it('is caught by the schema check when it is wrong (the check can fail)', () => {
    const { manifest } = built(REAL_ENV);
    const broken = { ...manifest, id: 'not-a-guid', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    const errors = manifestSchemaErrors(broken, SCHEMA);
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/scopes/0'))).toBe(true);
  });
});

describe('the Chinese localization', () => {
  const { manifest, localization } = built(REAL_ENV);
  // The keys and limits of the Teams localization schema (MicrosoftTeams.Localization.schema.json).
  const limits: [RegExp, number][] = [
    [/^name\.short$/, 30],
    [/^name\.full$/, 100],
    [/^description\.short$/, 80],
    [/^description\.full$/, 4000],
    [/^bots\[0\]\.commandLists\[[0-2]\]\.commands\[([0-9]|1[01])\]\.title$/, 32],
    [/^bots\[0\]\.commandLists\[[0-2]\]\.commands\[([0-9]|1[01])\]\.description$/, 128],
  ];

  it('is declared in the manifest and uses only keys the localization schema knows, within their limits', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'zh-cn', file: 'zh-cn.json' }] });
    expect(localization.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json');
    for (const [key, value] of Object.entries(localization)) {
      if (key === '$schema') continue;
      const limit = limits.find(([pattern]) => pattern.test(key));
      expect({ key, known: limit !== undefined }).toEqual({ key, known: true });
      expect(typeof value).toBe('string');
      expect([...(value as string)].length).toBeLessThanOrEqual(limit![1]);
    }
  });

  it('translates every command the manifest lists, and nothing that does not exist', () => {
    const expected = manifest.bots[0]!.commandLists.flatMap((list, i) =>
      list.commands.flatMap((c, j) => [`bots[0].commandLists[${i}].commands[${j}].title`, ...(c.description ? [`bots[0].commandLists[${i}].commands[${j}].description`] : [])]),
    );
    expect(Object.keys(localization).filter((k) => k.startsWith('bots[')).sort()).toEqual(expected.sort());
    expect(localization['bots[0].commandLists[0].commands[0].title']).toBe('绑定');
    expect(localization['bots[0].commandLists[0].commands[0].description']).toContain('绑定 LINK-201');
  });

  it('keeps the English strings within the same limits', () => {
    expect([...manifest.name.short].length).toBeLessThanOrEqual(30);
    for (const list of manifest.bots[0]!.commandLists) {
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect((c.description ?? '').length).toBeLessThanOrEqual(128);
      }
    }
  });
});

describe('configuration problems', () => {
  it('reports an app id that is not a GUID, naming the variable and the value, even for a development package', () => {
    for (const dev of [false, true]) {
      const problems = problemsOf({ ...REAL_ENV, MicrosoftAppId: 'my-bot-app' }, dev);
      expect(problems).toEqual([expect.stringMatching(/^MicrosoftAppId "my-bot-app" is not a GUID/)]);
    }
  });

  it('requires the app id and public URL for a real package, and says how to get a development one', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/MicrosoftAppId is required.*--dev/);
    expect(problems[1]).toMatch(/PUBLIC_BASE_URL is required/);
  });

  it('refuses http, non-URLs and credentials in the public URL of a real package', () => {
    expect(problemsOf({ ...REAL_ENV, PUBLIC_BASE_URL: 'http://refunds.example.com' })).toEqual([expect.stringContaining('must use https')]);
    expect(problemsOf({ ...REAL_ENV, PUBLIC_BASE_URL: 'refunds.example.com' })).toEqual([expect.stringContaining('is not a URL')]);
    expect(problemsOf({ ...REAL_ENV, PUBLIC_BASE_URL: 'https://user:pw@refunds.example.com' })).toEqual([expect.stringContaining('credentials')]);
    expect(problemsOf({ ...REAL_ENV, PUBLIC_BASE_URL: 'ftp://refunds.example.com' })).toEqual([expect.stringContaining('https URL')]);
  });

  it('refuses a name longer than Teams allows, and lists every problem at once', () => {
    const problems = problemsOf({ MicrosoftAppId: 'x', PUBLIC_BASE_URL: 'https://ok.example', BOT_NAME: 'A very long refund desk name that Teams cuts' });
    expect(problems).toEqual([expect.stringContaining('MicrosoftAppId "x"'), expect.stringContaining('BOT_NAME "A very long')]);
    expect(problemsOf({ ...REAL_ENV, BOT_NAME_ZH: '退'.repeat(31) })).toEqual([expect.stringMatching(/^BOT_NAME_ZH .* longer than 30 characters/)]);
  });

  it('builds a development package with placeholders and warnings, still valid against the schema', () => {
    const { manifest, warnings } = built({}, true);
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.validDomains).toEqual(['localhost']);
    expect(warnings).toEqual([expect.stringContaining('MicrosoftAppId is not set'), expect.stringContaining('PUBLIC_BASE_URL is not set')]);
    expect(manifestSchemaErrors(manifest, SCHEMA)).toEqual([]);
  });

  it('accepts an http tunnel for a development package, with a warning', () => {
    const { manifest, warnings } = built({ ...REAL_ENV, PUBLIC_BASE_URL: 'http://localhost:3978' }, true);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
    expect(warnings).toEqual([expect.stringContaining('uses http')]);
  });
});

describe('the icons', () => {
  const color = readFileSync(join(ROOT, 'teams', 'color.png'));
  const outline = readFileSync(join(ROOT, 'teams', 'outline.png'));

  it('have the sizes Teams requires: 192x192 colour, 32x32 outline', () => {
    expect(pngSize(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it('outline is white on transparent: every pixel white, transparent corners, an opaque glyph', () => {
    const { pixels } = pngPixels(outline);
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (pixels[i + 3] === 255) opaque++;
    }
    const alphaAt = (x: number, y: number) => pixels[(y * 32 + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(31, 0), alphaAt(0, 31), alphaAt(31, 31)]).toEqual([0, 0, 0, 0]);
    expect(opaque).toBeGreaterThan(100);
  });

  it('colour icon is opaque, with white ink on the accent colour', () => {
    const { pixels } = pngPixels(color);
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4) {
      expect(pixels[i + 3]).toBe(255);
      colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    }
    expect(colours.has('255,255,255')).toBe(true);
    expect(colours.has('15,123,108')).toBe(true);
  });

  it('committed files are what the icon script draws', () => {
    const drawn = teamsIcons();
    expect(drawn.color.equals(color)).toBe(true);
    expect(drawn.outline.equals(outline)).toBe(true);
  });
});

describe('npm run teams:package', () => {
  let dir: string;
  const lines = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rd-teams-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a zip holding exactly the manifest, the two icons and the localization file, at its root', () => {
    const out = join(dir, 'refund-desk.zip');
    const { err, io } = lines();
    expect(runCli(['--out', out], REAL_ENV, io)).toBe(0);
    expect(err).toEqual([]);
    const entries = readZip(readFileSync(out));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'zh-cn.json']);

    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as unknown;
    const expected = built(REAL_ENV).manifest;
    expect(manifestSchemaErrors(expected, SCHEMA)).toEqual([]);
    expect(manifest).toEqual(expected);
    expect(entries[1]!.data.equals(readFileSync(join(ROOT, 'teams', 'color.png')))).toBe(true);
    expect(entries[2]!.data.equals(readFileSync(join(ROOT, 'teams', 'outline.png')))).toBe(true);
    expect(JSON.parse(entries[3]!.data.toString('utf8'))).toEqual(built(REAL_ENV).localization);
    // Every file the manifest points at is in the package.
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining([expected.icons.color, expected.icons.outline, ...expected.localizationInfo.additionalLanguages.map((l) => l.file)]));
  });

  it('writes the same bytes for the same configuration', () => {
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    expect(runCli(['--out', a], REAL_ENV, lines().io)).toBe(0);
    expect(runCli(['--out', b], REAL_ENV, lines().io)).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('reports a bad app id clearly, exits 1 and writes nothing', () => {
    const out = join(dir, 'bad.zip');
    const { err, io } = lines();
    expect(runCli(['--out', out], { ...REAL_ENV, MicrosoftAppId: '12345' }, io)).toBe(1);
    expect(err).toEqual(['teams:package: cannot build the Teams app package:', expect.stringContaining('MicrosoftAppId "12345" is not a GUID')]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses unknown options', () => {
    const { err, io } = lines();
    expect(runCli(['--prod'], REAL_ENV, io)).toBe(2);
    expect(err[0]).toContain('unknown option --prod');
  });

  it('runs as a script: a development package without configuration, with warnings on stderr', async () => {
    const out = join(dir, 'dev.zip');
    const env = { ...process.env };
    for (const k of ['MicrosoftAppId', 'PUBLIC_BASE_URL', 'BOT_NAME', 'BOT_NAME_ZH', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL']) delete env[k];
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/teams-package.ts', '--dev', '--out', out], { cwd: ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout, stderr }));
    });
    expect(code).toBe(0);
    expect(stdout).toContain('development Teams app package written to');
    expect(stderr).toContain(`placeholder ${PLACEHOLDER_APP_ID}`);
    const manifest = JSON.parse(readZip(readFileSync(out))[0]!.data.toString('utf8')) as Manifest;
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifestSchemaErrors(manifest, SCHEMA)).toEqual([]);
  });
});
