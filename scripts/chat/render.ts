import type { CardInput, Choice } from './choices';

// Turns the bot's activities into plain lines a terminal can show: message text, Adaptive Card text blocks and
// fact sets ("title: value"), hero cards, and every button or suggested action as a numbered choice.

/** The parts of an activity the renderer reads (the bot's replies are plain JSON here). */
export interface ActivityLike {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown; contentUrl?: string; name?: string }[];
  suggestedActions?: { actions?: unknown[] };
}

export interface Rendered {
  lines: string[];
  choices: Choice[];
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const HERO = 'application/vnd.microsoft.card.hero';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';
const MAX_DEPTH = 12;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function renderActivity(activity: ActivityLike): Rendered {
  const out: Rendered = { lines: [], choices: [] };
  if (activity.type && activity.type !== 'message') {
    if (activity.type === 'endOfConversation') out.lines.push('(the bot ended the conversation)');
    return out;
  }
  const text = str(activity.text);
  if (text) out.lines.push(...splitLines(text));
  for (const a of activity.attachments ?? []) {
    if (a.contentType === ADAPTIVE) renderAdaptiveCard(a.content, out);
    else if (a.contentType === HERO || a.contentType === THUMBNAIL) renderHeroCard(a.content, out);
    else out.lines.push(`[attachment${a.name ? ` ${a.name}` : ''}${a.contentType ? ` (${a.contentType})` : ''}${a.contentUrl && !a.contentUrl.startsWith('data:') ? ` ${a.contentUrl}` : ''}]`);
  }
  for (const action of list(activity.suggestedActions?.actions)) {
    const choice = cardActionChoice(action);
    if (choice) out.choices.push(choice);
  }
  return out;
}

/** An Adaptive Card's text, facts and inputs as lines; its buttons as choices. */
export function renderAdaptiveCard(card: unknown, out: Rendered = { lines: [], choices: [] }): Rendered {
  if (!isObject(card)) return out;
  const inputs: CardInput[] = [];
  const pending: unknown[] = [];
  renderElements(list(card.body), out, inputs, pending, 0);
  pending.push(...list(card.actions));
  // The inputs are known only once the whole body is read: every submit of the card carries all of them.
  for (const action of pending) {
    const choice = adaptiveActionChoice(action, inputs, card);
    if (choice) out.choices.push(choice);
  }
  return out;
}

function renderElements(elements: unknown[], out: Rendered, inputs: CardInput[], actions: unknown[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const el of elements) {
    if (!isObject(el) || el.isVisible === false) continue;
    switch (el.type) {
      case 'TextBlock': {
        const t = str(el.text);
        if (t) out.lines.push(...splitLines(t));
        break;
      }
      case 'RichTextBlock': {
        const t = list(el.inlines).map((i) => (typeof i === 'string' ? i : isObject(i) ? (str(i.text) ?? '') : '')).join('');
        if (t.trim()) out.lines.push(...splitLines(t));
        break;
      }
      case 'FactSet':
        for (const f of list(el.facts)) if (isObject(f)) out.lines.push(`${str(f.title) ?? ''}: ${str(f.value) ?? ''}`.trim());
        break;
      case 'Container':
      case 'Column': {
        const first = out.lines.length;
        renderElements(list(el.items), out, inputs, actions, depth + 1);
        selectable(el, out.lines[first], actions);
        break;
      }
      case 'ColumnSet': {
        const first = out.lines.length;
        renderColumnSet(el, out, inputs, actions, depth);
        selectable(el, out.lines[first], actions);
        break;
      }
      case 'Table':
        for (const row of list(el.rows)) {
          if (!isObject(row)) continue;
          const cells = list(row.cells).map((cell) => {
            const inner: Rendered = { lines: [], choices: [] };
            if (isObject(cell)) renderElements(list(cell.items), inner, inputs, actions, depth + 1);
            return inner.lines.join(' ');
          });
          if (cells.some((c) => c !== '')) out.lines.push(cells.join(' | '));
        }
        break;
      case 'Image':
        out.lines.push(str(el.altText) ? `[image: ${str(el.altText)}]` : '[image]');
        break;
      case 'ImageSet':
        out.lines.push(`[${list(el.images).length} images]`);
        break;
      case 'Media':
        out.lines.push('[media]');
        break;
      case 'ActionSet':
        actions.push(...list(el.actions));
        break;
      default:
        if (typeof el.type === 'string' && el.type.startsWith('Input.')) {
          const input = describeInput(el);
          if (input) {
            inputs.push(input);
            out.lines.push(`(${input.label}${input.options ? `: ${input.options.map((o) => o.title).join(' / ')}` : ''}; asked when you choose)`);
          }
        }
    }
  }
}

const noInputsOf = (action: Json): boolean => action.associatedInputs === 'none';

/** A container the user can click as a whole (a list row, say) is one more button, named by its first line. */
function selectable(el: Json, firstLine: string | undefined, actions: unknown[]): void {
  const action = el.selectAction;
  if (!isObject(action)) return;
  actions.push(str(action.title) || !firstLine ? action : { ...action, title: firstLine });
}

/** Columns that each hold one short line read best side by side ("Amount | ¥52.16"). */
function renderColumnSet(el: Json, out: Rendered, inputs: CardInput[], actions: unknown[], depth: number): void {
  const columns = list(el.columns).map((col) => {
    const inner: Rendered = { lines: [], choices: [] };
    if (isObject(col) && col.isVisible !== false) renderElements(list(col.items), inner, inputs, actions, depth + 1);
    return inner.lines;
  });
  if (columns.every((c) => c.length <= 1)) {
    const row = columns.map((c) => c[0] ?? '').filter((c) => c !== '');
    if (row.length) out.lines.push(row.join(' | '));
  } else {
    for (const c of columns) out.lines.push(...c);
  }
}

function describeInput(el: Json): CardInput | null {
  const id = str(el.id);
  if (!id) return null;
  const label = str(el.label) ?? str(el.placeholder) ?? str(el.title) ?? id;
  const preset = el.value === undefined || el.value === null ? undefined : String(el.value);
  const base = { id, label, required: el.isRequired === true, ...(preset !== undefined ? { preset } : {}) };
  switch (el.type) {
    case 'Input.Number':
      return { ...base, kind: 'number' };
    case 'Input.Date':
      return { ...base, kind: 'date' };
    case 'Input.Time':
      return { ...base, kind: 'time' };
    case 'Input.Toggle':
      return { ...base, kind: 'toggle', valueOn: str(el.valueOn) ?? 'true', valueOff: str(el.valueOff) ?? 'false' };
    case 'Input.ChoiceSet': {
      const options = list(el.choices)
        .filter(isObject)
        .map((c) => ({ title: str(c.title) ?? String(c.value ?? ''), value: String(c.value ?? '') }));
      return { ...base, kind: 'choice', options, multiSelect: el.isMultiSelect === true };
    }
    default:
      return { ...base, kind: 'text' };
  }
}

function adaptiveActionChoice(action: unknown, inputs: CardInput[], root: Json): Choice | null {
  if (!isObject(action) || action.isEnabled === false) return null;
  const label = str(action.title) ?? str(action.tooltip) ?? '(untitled button)';
  switch (action.type) {
    case 'Action.Submit':
    case 'Action.Execute': {
      const data = action.data;
      if (typeof data === 'string') return { label, action: { kind: 'text', text: data } };
      const teams = isObject(data) && isObject(data.msteams) ? data.msteams : undefined;
      if (teams?.type === 'imBack' && str(teams.value)) return { label, action: { kind: 'text', text: String(teams.value) } };
      const value = isObject(data) ? { ...data } : {};
      const own = noInputsOf(action) ? [] : inputs;
      if (action.type !== 'Action.Execute') return { label, action: { kind: 'value', value, inputs: own } };
      const verb = str(action.verb) ?? '';
      const execute = { verb, data: isObject(data) ? { ...data } : {} };
      // Without Universal Actions the verb goes beside the data, the way a Submit would send it.
      return { label, action: { kind: 'value', value: verb ? { ...value, verb } : value, inputs: own, execute } };
    }
    case 'Action.OpenUrl':
      return { label, action: { kind: 'open', url: str(action.url) ?? '' } };
    case 'Action.ShowCard':
      return { label, action: { kind: 'card', card: action.card } };
    case 'Action.ToggleVisibility':
      return { label, action: { kind: 'card', card: toggled(root, list(action.targetElements)) } };
    default:
      return null;
  }
}

/** The card with its target elements shown or hidden, as a click on Action.ToggleVisibility leaves it. */
export function toggled(card: unknown, targets: unknown[]): unknown {
  const wanted = new Map<string, boolean | undefined>();
  for (const t of targets) {
    if (typeof t === 'string') wanted.set(t, undefined);
    else if (isObject(t) && str(t.elementId)) wanted.set(String(t.elementId), typeof t.isVisible === 'boolean' ? t.isVisible : undefined);
  }
  const walk = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH * 4) return node;
    if (Array.isArray(node)) return node.map((n) => walk(n, depth + 1));
    if (!isObject(node)) return node;
    const copy: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, depth + 1)]));
    const id = typeof node.id === 'string' ? node.id : undefined;
    if (id !== undefined && wanted.has(id)) copy.isVisible = wanted.get(id) ?? node.isVisible === false;
    return copy;
  };
  return walk(card, 0);
}

/** Bot Framework CardAction (suggested actions, hero card buttons). */
export function cardActionChoice(action: unknown): Choice | null {
  if (!isObject(action)) return null;
  const label = str(action.title) ?? str(action.displayText) ?? (typeof action.value === 'string' ? action.value : undefined) ?? '(untitled)';
  switch (action.type) {
    case 'imBack':
      return { label, action: { kind: 'text', text: typeof action.value === 'string' ? action.value : label } };
    case 'postBack':
    case 'messageBack': {
      if (isObject(action.value)) {
        const text = str(action.text);
        return { label, action: { kind: 'value', value: { ...action.value }, inputs: [], ...(text ? { text } : {}) } };
      }
      const text = str(action.text) ?? (typeof action.value === 'string' ? action.value : label);
      return { label, action: { kind: 'text', text } };
    }
    case 'openUrl':
    case 'downloadFile':
    case 'playAudio':
    case 'playVideo':
    case 'showImage':
      return { label, action: { kind: 'open', url: typeof action.value === 'string' ? action.value : '' } };
    default:
      return null;
  }
}

function renderHeroCard(card: unknown, out: Rendered): void {
  if (!isObject(card)) return;
  for (const key of ['title', 'subtitle', 'text'] as const) {
    const t = str(card[key]);
    if (t) out.lines.push(...splitLines(t));
  }
  for (const button of list(card.buttons)) {
    const choice = cardActionChoice(button);
    if (choice) out.choices.push(choice);
  }
}

/** Cards and messages use a little Markdown: bold and links become plain text a terminal shows as is. */
export function plainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gu, '$1')
    .replace(/__(.+?)__/gu, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/gu, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`));
}

function splitLines(text: string): string[] {
  return plainText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .filter((l, i, all) => !(l === '' && i === all.length - 1));
}

/** Lines for the terminal: the bot's words after "bot> ", choices numbered from `firstNumber`. */
export function formatRendered(rendered: Rendered, firstNumber: number, speaker = 'bot'): string[] {
  const lead = `${speaker}> `;
  const pad = ' '.repeat(lead.length);
  const lines = rendered.lines.map((l, i) => (i === 0 ? lead : pad) + l);
  if (lines.length === 0 && rendered.choices.length > 0) lines.push(lead.trimEnd());
  rendered.choices.forEach((c, i) => lines.push(`${pad}[${firstNumber + i}] ${c.label}`));
  return lines;
}
