import Ajv04 from 'ajv-draft-04';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { writeZip, type ZipEntry } from './zip';
import { ACCENT_COLOR } from './teams-icons';

// Builds the Teams app package (dist/teams/refund-desk.zip): manifest.json filled from teams/manifest.template.json,
// the Chinese localization file and the two icons, all at the zip's root as Teams requires.
//   npm run teams:package            a package for a real bot registration: MicrosoftAppId and PUBLIC_BASE_URL required
//   npm run teams:package -- --dev   missing values get placeholders (with a warning), for trying the package out
// Environment: MicrosoftAppId, PUBLIC_BASE_URL (https; its host becomes the valid domain), BOT_NAME (English name,
// default "Refund Desk"), BOT_NAME_ZH (default BOT_NAME if set, else 退款服务台), TEAMS_PRIVACY_URL and
// TEAMS_TERMS_URL (default <PUBLIC_BASE_URL>/privacy and /terms). This script is its own entry point, so it
// reads its environment itself.

export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER_BASE_URL = 'https://localhost';
const DEFAULT_NAME = 'Refund Desk';
const DEFAULT_NAME_ZH = '退款服务台';
const MAX_SHORT_NAME = 30;

const ROOT = join(__dirname, '..');
export const TEAMS_DIR = join(ROOT, 'teams');
export const DEFAULT_OUT = join(ROOT, 'dist', 'teams', 'refund-desk.zip');
/** The manifest schema kept beside the project (see its README); absent in some checkouts. */
export const DEFAULT_SCHEMA = join(ROOT, '..', 'shared', 'schemas', 'teams-app-manifest-1.29.json');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type PackageEnv = Readonly<Record<string, string | undefined>>;

export interface TeamsPackageInput {
  env: PackageEnv;
  /** Allow placeholders for what a real package needs. */
  dev: boolean;
  /** The app version (semver), taken from package.json by default. */
  version?: string;
  /** Where manifest.template.json, zh-cn.json and the icons are. Default: teams/. */
  teamsDir?: string;
}

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  localization: Record<string, unknown>;
  /** In zip order: manifest.json, color.png, outline.png, zh-cn.json. */
  files: ZipEntry[];
  warnings: string[];
}

export type TeamsPackageResult =
  | { ok: true; value: TeamsPackage }
  | { ok: false; error: { kind: 'invalid_configuration'; problems: string[] } };

interface Settings {
  values: Record<string, string>;
  warnings: string[];
  problems: string[];
}

/** Checks the environment and works out every placeholder's value. */
export function resolveSettings(env: PackageEnv, dev: boolean, version: string): Settings {
  const warnings: string[] = [];
  const problems: string[] = [];
  const need = (message: string) => (dev ? warnings : problems).push(message);

  const appId = env.MicrosoftAppId?.trim() ?? '';
  let id = appId;
  if (appId === '') {
    need(
      dev
        ? `MicrosoftAppId is not set: using the placeholder ${PLACEHOLDER_APP_ID}. Teams will not reach the bot with this package.`
        : 'MicrosoftAppId is required: the Microsoft App ID of the Azure Bot registration (a GUID). For a development package without one, pass --dev.',
    );
    id = PLACEHOLDER_APP_ID;
  } else if (!GUID.test(appId)) {
    // Never a placeholder for a value that was given: a typo must not produce a package that silently fails.
    problems.push(`MicrosoftAppId ${JSON.stringify(appId)} is not a GUID (expected 8-4-4-4-12 hex digits, e.g. 1b2c3d4e-0000-4000-8000-00000000abcd).`);
  }

  const base = checkUrl('PUBLIC_BASE_URL', env.PUBLIC_BASE_URL, dev, problems, warnings);
  let baseUrl = base?.toString().replace(/\/+$/, '') ?? '';
  let host = base?.host ?? '';
  if (env.PUBLIC_BASE_URL === undefined || env.PUBLIC_BASE_URL.trim() === '') {
    need(
      dev
        ? `PUBLIC_BASE_URL is not set: using ${PLACEHOLDER_BASE_URL} for the developer links and valid domain.`
        : 'PUBLIC_BASE_URL is required: the https address where Teams reaches the bot (e.g. https://refunds.example.com).',
    );
    baseUrl = PLACEHOLDER_BASE_URL;
    host = new URL(PLACEHOLDER_BASE_URL).host;
  }
  const privacy = checkUrl('TEAMS_PRIVACY_URL', env.TEAMS_PRIVACY_URL, dev, problems, warnings);
  const terms = checkUrl('TEAMS_TERMS_URL', env.TEAMS_TERMS_URL, dev, problems, warnings);

  const name = checkName('BOT_NAME', env.BOT_NAME, DEFAULT_NAME, problems);
  // A renamed bot keeps its new name in Chinese too, unless it has a Chinese name of its own.
  const nameZh = env.BOT_NAME_ZH?.trim() ? checkName('BOT_NAME_ZH', env.BOT_NAME_ZH, DEFAULT_NAME_ZH, problems) : env.BOT_NAME?.trim() ? name : DEFAULT_NAME_ZH;

  return {
    values: {
      MicrosoftAppId: id,
      PUBLIC_BASE_URL: baseUrl,
      PUBLIC_HOST: host,
      PRIVACY_URL: privacy?.toString() ?? `${baseUrl}/privacy`,
      TERMS_URL: terms?.toString() ?? `${baseUrl}/terms`,
      BOT_NAME: name,
      BOT_NAME_ZH: nameZh,
      VERSION: version,
      ACCENT_COLOR,
    },
    warnings,
    problems,
  };
}

function checkUrl(variable: string, raw: string | undefined, dev: boolean, problems: string[], warnings: string[]): URL | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${variable} ${JSON.stringify(text)} is not a URL.`);
    return null;
  }
  if (url.username || url.password) {
    problems.push(`${variable} must not carry credentials.`);
    return null;
  }
  if (url.protocol === 'http:') {
    if (!dev) {
      problems.push(`${variable} must use https (Teams only talks to https endpoints); got ${url.origin}.`);
      return null;
    }
    warnings.push(`${variable} uses http: fine for trying things out, Teams needs https for a real bot.`);
  } else if (url.protocol !== 'https:') {
    problems.push(`${variable} must be an https URL; got ${JSON.stringify(text)}.`);
    return null;
  }
  return url;
}

function checkName(variable: string, raw: string | undefined, fallback: string, problems: string[]): string {
  const name = raw?.trim() || fallback;
  if (CONTROL.test(name)) problems.push(`${variable} must not contain control characters.`);
  // name.short in the manifest and in the localization file: at most 30 characters.
  if ([...name].length > MAX_SHORT_NAME) problems.push(`${variable} ${JSON.stringify(name)} is longer than ${MAX_SHORT_NAME} characters (Teams' limit for an app's short name).`);
  return name;
}

/** Replaces `{{NAME}}` in every string of a JSON value; an unknown placeholder is a bug in the template. */
export function fillPlaceholders(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
      const filled = values[key];
      if (filled === undefined) throw new Error(`Teams template: unknown placeholder {{${key}}}`);
      return filled;
    });
  }
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, values)]));
  }
  return value;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export function packageVersion(): string {
  return (readJson(join(ROOT, 'package.json')) as { version: string }).version;
}

/** The package's files, or every configuration problem at once. */
export function buildTeamsPackage(input: TeamsPackageInput): TeamsPackageResult {
  const dir = input.teamsDir ?? TEAMS_DIR;
  const settings = resolveSettings(input.env, input.dev, input.version ?? packageVersion());
  if (settings.problems.length > 0) return { ok: false, error: { kind: 'invalid_configuration', problems: settings.problems } };

  const manifest = fillPlaceholders(readJson(join(dir, 'manifest.template.json')), settings.values) as Record<string, unknown>;
  const localization = fillPlaceholders(readJson(join(dir, 'zh-cn.json')), settings.values) as Record<string, unknown>;
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  return {
    ok: true,
    value: {
      manifest,
      localization,
      files: [
        { name: 'manifest.json', data: json(manifest) },
        { name: 'color.png', data: readFileSync(join(dir, 'color.png')) },
        { name: 'outline.png', data: readFileSync(join(dir, 'outline.png')) },
        { name: 'zh-cn.json', data: json(localization) },
      ],
      warnings: settings.warnings,
    },
  };
}

/** Schema errors of a manifest, as readable lines; empty when it is valid. */
export function manifestSchemaErrors(manifest: unknown, schema: Record<string, unknown>): string[] {
  // Formats (uri, email...) are not checked: ajv needs a plugin for them, and Teams checks URLs itself.
  const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The command line: returns the exit code. */
export function runCli(argv: readonly string[], env: PackageEnv, io: CliIo): number {
  const dev = argv.includes('--dev');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : DEFAULT_OUT;
  const unknown = argv.filter((a, i) => a.startsWith('-') && a !== '--dev' && a !== '--out' && argv[i - 1] !== '--out');
  if (unknown.length > 0) {
    io.err(`teams:package: unknown option ${unknown.join(' ')} (options: --dev, --out <file>)`);
    return 2;
  }
  const built = buildTeamsPackage({ env, dev });
  if (!built.ok) {
    io.err('teams:package: cannot build the Teams app package:');
    for (const problem of built.error.problems) io.err(`  - ${problem}`);
    return 1;
  }
  const { manifest, files, warnings } = built.value;
  for (const warning of warnings) io.err(`teams:package: warning: ${warning}`);
  if (existsSync(DEFAULT_SCHEMA)) {
    const errors = manifestSchemaErrors(manifest, readJson(DEFAULT_SCHEMA));
    if (errors.length > 0) {
      io.err('teams:package: the filled manifest does not match the Teams 1.29 schema:');
      for (const e of errors) io.err(`  - ${e}`);
      return 1;
    }
  } else {
    io.err(`teams:package: warning: schema not found at ${DEFAULT_SCHEMA}; the manifest was not validated.`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, writeZip(files));
  const shown = relative(process.cwd(), out);
  io.out(`${dev ? 'development ' : ''}Teams app package written to ${shown === '' || shown.startsWith('..') ? out : shown}`);
  return 0;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
