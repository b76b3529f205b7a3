/**
 * A scripted stand-in for the `vscode` module, enough for client/src/scaffold.ts: prompts answer
 * from a queue the test fills, `workspace.fs` is an in-memory file system, and every call is
 * recorded. Import this module before the client code: it hooks `require('vscode')`.
 */
import Module from 'node:module';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', normalize(p));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, normalize([base.path, ...parts].join('/')));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return '/' + out.join('/');
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}
export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}
export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  constructor(readonly value: string) {}
}
export class CodeAction {
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export interface Prompt {
  kind: 'quickPick' | 'inputBox' | 'openDialog' | 'warning';
  options: Record<string, unknown>;
  items?: { label: string; picked?: boolean; description?: string }[];
  message?: string;
}

/** What the next prompt answers: a function of the prompt (return undefined to cancel). */
export type Answer = (p: Prompt) => unknown;

export const state = {
  answers: [] as Answer[],
  prompts: [] as Prompt[],
  files: new Map<string, string>(),
  dirs: new Set<string>(['/']),
  shown: [] as string[],
  infos: [] as string[],
  errors: [] as string[],
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  codeActionProviders: [] as { selector: unknown; provider: { provideCodeActions(d: unknown): unknown } }[],
  workspaceFolders: [] as { name: string; uri: Uri; index: number }[],
  openDocs: new Map<string, { text: string; saved: boolean }>(),
  language: 'en',
  reset(): void {
    this.answers = [];
    this.prompts = [];
    this.files.clear();
    this.dirs = new Set(['/']);
    this.shown = [];
    this.infos = [];
    this.errors = [];
    this.openDocs.clear();
  },
};

function next(p: Prompt): unknown {
  state.prompts.push(p);
  const a = state.answers.shift();
  if (!a) throw new Error(`unexpected prompt ${p.kind}: ${JSON.stringify(p.options.placeHolder ?? p.options.prompt ?? p.message)}`);
  return a(p);
}

class TextDocument {
  constructor(
    readonly uri: Uri,
    readonly languageId: string,
  ) {}
  get fileName(): string {
    return this.uri.fsPath;
  }
  getText(): string {
    return state.openDocs.get(this.uri.path)?.text ?? state.files.get(this.uri.path) ?? '';
  }
  positionAt(offset: number): Position {
    const before = this.getText().slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  async save(): Promise<boolean> {
    const d = state.openDocs.get(this.uri.path);
    if (d) {
      state.files.set(this.uri.path, d.text);
      d.saved = true;
    }
    return true;
  }
}

export function makeDocument(path: string, languageId: string, text: string): TextDocument {
  state.openDocs.set(path, { text, saved: false });
  return new TextDocument(Uri.file(path), languageId);
}

const mock = {
  Uri,
  Position,
  Range,
  WorkspaceEdit,
  CodeAction,
  CodeActionKind,
  env: {
    get language() {
      return state.language;
    },
  },
  window: {
    showQuickPick: async (items: Prompt['items'], options: Record<string, unknown>) => next({ kind: 'quickPick', items, options }),
    showInputBox: async (options: Record<string, unknown>) => next({ kind: 'inputBox', options }),
    showOpenDialog: async (options: Record<string, unknown>) => next({ kind: 'openDialog', options }),
    showWarningMessage: async (message: string, options: Record<string, unknown>, ...actions: string[]) =>
      next({ kind: 'warning', message, options: { ...options, actions } }),
    showInformationMessage: async (m: string) => {
      state.infos.push(m);
      return undefined;
    },
    showErrorMessage: async (m: string) => {
      state.errors.push(m);
      return undefined;
    },
    showTextDocument: async (doc: TextDocument) => {
      state.shown.push(doc.uri.path);
      return {};
    },
  },
  workspace: {
    get workspaceFolders() {
      return state.workspaceFolders;
    },
    fs: {
      stat: async (uri: Uri) => {
        if (state.files.has(uri.path) || state.dirs.has(uri.path)) return { type: state.files.has(uri.path) ? 1 : 2 };
        throw new Error(`ENOENT ${uri.path}`);
      },
      createDirectory: async (uri: Uri) => {
        const parts = uri.path.split('/').filter(Boolean);
        for (let i = 1; i <= parts.length; i++) state.dirs.add('/' + parts.slice(0, i).join('/'));
      },
      writeFile: async (uri: Uri, data: Uint8Array) => {
        const parent = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
        if (!state.dirs.has(parent)) throw new Error(`ENOENT ${parent}`);
        state.files.set(uri.path, new TextDecoder().decode(data));
      },
    },
    openTextDocument: async (uri: Uri) => new TextDocument(uri, 'plaintext'),
    applyEdit: async (edit: WorkspaceEdit) => {
      for (const e of edit.edits) {
        const d = state.openDocs.get(e.uri.path) ?? { text: state.files.get(e.uri.path) ?? '', saved: false };
        // The scaffold always replaces the whole document.
        d.text = e.text;
        d.saved = false;
        state.openDocs.set(e.uri.path, d);
      }
      return true;
    },
  },
  commands: {
    registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => {
      state.commands.set(id, fn);
      return { dispose() {} };
    },
  },
  languages: {
    registerCodeActionsProvider: (selector: unknown, provider: { provideCodeActions(d: unknown): unknown }) => {
      state.codeActionProviders.push({ selector, provider });
      return { dispose() {} };
    },
  },
};

const M = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const original = M._load;
M._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === 'vscode') return mock;
  return original.call(this, request, parent, isMain);
};

/** A fake ExtensionContext with a Memento for globalState. */
export function makeContext() {
  const store = new Map<string, unknown>();
  return {
    subscriptions: [] as { dispose(): void }[],
    globalState: {
      get: <T>(key: string, def?: T) => (store.has(key) ? (store.get(key) as T) : def),
      update: async (key: string, value: unknown) => {
        store.set(key, value);
      },
      keys: () => [...store.keys()],
    },
    store,
  };
}

// Answer helpers
export const pick = (label: string): Answer => (p) => {
  const item = p.items?.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label} in ${p.items?.map((i) => i.label).join(', ')}`);
  return item;
};
export const pickMany = (...labels: string[]): Answer => (p) => p.items?.filter((i) => labels.includes(i.label));
export const acceptPicked: Answer = (p) => p.items?.filter((i) => i.picked);
/** Type into an input box (or accept its value); like VS Code, an invalid value cannot be accepted. */
export const type = (value?: string): Answer => (p) => {
  const v = value ?? (p.options.value as string);
  const validate = p.options.validateInput as ((s: string) => string | null | undefined) | undefined;
  const problem = validate?.(v);
  if (problem) throw new Error(`input "${v}" rejected: ${problem}`);
  return v;
};
export const cancel: Answer = () => undefined;
export const answer = (value: unknown): Answer => () => value;
