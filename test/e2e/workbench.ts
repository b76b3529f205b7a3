/**
 * Drives a code-server workbench in Debian's Chromium through playwright-core, the way a user
 * would: Quick Open, the command palette, the Problems panel, the quick-fix menu, the status bar.
 * Every wait is on a real UI condition with a generous timeout (2-core machines are slow), never a
 * fixed sleep. playwright-core is resolved from the e2e cache folder (scripts/e2e/install-code-server.sh),
 * not from the repository's node_modules, so only the small part of its API used here is typed.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cs from '../../scripts/e2e/code-server.mjs';

/** The DOM as seen inside page.evaluate/waitForFunction callbacks (the project compiles without lib.dom). */
interface El {
  textContent: string | null;
  style: { top: string };
  offsetParent: El | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
}
declare const document: { getElementById(id: string): El | null; querySelectorAll(sel: string): Iterable<El> };

export interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  filter(o: { hasText?: string | RegExp }): Locator;
  locator(selector: string): Locator;
  click(o?: { timeout?: number; button?: 'right' | 'left' }): Promise<void>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  textContent(o?: { timeout?: number }): Promise<string | null>;
  innerText(o?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  waitFor(o?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  hover(o?: { timeout?: number }): Promise<void>;
  fill(value: string, o?: { timeout?: number }): Promise<void>;
  inputValue(o?: { timeout?: number }): Promise<string>;
}
export interface Page {
  goto(url: string, o?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string): Locator;
  getByRole(role: string, o?: { name?: string | RegExp; exact?: boolean }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, o?: { delay?: number }): Promise<void> };
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
  waitForFunction<T>(fn: (arg: T) => unknown, arg: T, o?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  on(event: 'console' | 'pageerror', cb: (m: { text?: () => string; message?: string }) => void): void;
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  close(): Promise<void>;
}
interface Browser {
  newPage(o: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launch(o: { executablePath: string; headless: boolean; args: string[]; timeout?: number }): Promise<Browser> };
}

export interface Problem {
  message: string;
  source: string;
  code: string;
  /** `[Ln 11, Col 9]` */
  position: string;
}

export const ROOT = cs.repoRoot;
export const RESULTS = join(ROOT, 'test-results/e2e');
/** Generous default wait: a cold workbench + extension host on 2 cores can take a minute. */
export const LONG = 90_000;
export const SHORT = 30_000;

/**
 * Why the browser tests cannot run here, or undefined when they can. Under CI (or DOCKYARD_E2E=1)
 * .ci/run installs the prerequisites first, so a missing one there is an error, not a skip.
 */
export function skipReason(): string | undefined {
  const missing = cs.missingPrerequisites();
  if (!missing.length) return undefined;
  const msg = `end-to-end prerequisites missing: ${missing.join(', ')}; run scripts/e2e/install-code-server.sh (or set DOCKYARD_E2E_HOME)`;
  if (process.env.CI || process.env.DOCKYARD_E2E === '1') throw new Error(`${msg} — CI/DOCKYARD_E2E is set, so this is a failure, not a skip`);
  return msg;
}

export function loadPlaywright(): Playwright {
  const p = cs.playwrightCorePath();
  if (!p) throw new Error('playwright-core is not installed');
  return createRequire(__filename)(p) as Playwright;
}

export interface Session {
  server: cs.RunningCodeServer;
  browser: Browser;
  page: Page;
  workspace: string;
  tmp: string;
  shots: string;
  /** Screenshot into test-results/e2e/<suite>/NN-name.png; returns the path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

let shotCounter = 0;

/**
 * Packages the extension from the current dist/ (or takes DOCKYARD_VSIX), copies `fixture` into a
 * temp workspace, installs the .vsix (and `extraVsix`, e.g. a language pack) into a fresh extensions
 * folder, starts code-server (with `locale` as its display language) and opens the folder in Chromium.
 */
export async function openSession(suite: string, fixture: string, o: { trust?: boolean; locale?: string; extraVsix?: string[] } = {}): Promise<Session> {
  const entry = cs.codeServerEntry();
  if (!entry) throw new Error('code-server is not installed');
  const tmp = mkdtempSync(join(tmpdir(), `dockyard-e2e-${suite}-`));
  const workspace = join(tmp, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  const shots = join(RESULTS, suite);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  const vsix = process.env.DOCKYARD_VSIX || cs.packageVsix(join(tmp, `dockyard-${cs.packageVersion()}.vsix`));
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  cs.writeUserSettings(userDataDir);
  cs.installVsix(entry, vsix, extensionsDir, userDataDir);
  for (const x of o.extraVsix ?? []) cs.installVsix(entry, x, extensionsDir, userDataDir);

  const server = await cs.startCodeServer({ entry, workspace, extensionsDir, userDataDir, trust: o.trust, locale: o.locale, logFile: join(shots, 'code-server.log') });
  let browser: Browser | undefined;
  try {
    browser = await loadPlaywright().chromium.launch({ executablePath: cs.CHROMIUM, headless: true, args: cs.CHROMIUM_ARGS, timeout: LONG });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.folderUrl, { timeout: LONG, waitUntil: 'domcontentloaded' });
    const b = browser;
    return {
      server,
      browser: b,
      page,
      workspace,
      tmp,
      shots,
      async shot(name) {
        const p = join(shots, `${String(++shotCounter).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: p });
        return p;
      },
      async close() {
        await b.close().catch(() => undefined);
        await server.stop();
        if (!process.env.DOCKYARD_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}

/** The workbench, with the actions a user takes and what a user sees. */
export class Workbench {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: LONG });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: LONG });
  }

  /** Dockyard's own status-bar item (its id is the extension id). */
  statusItem(): Locator {
    return this.page.locator('#dockyard-dev\\.dockyard');
  }

  async waitForStatus(re: RegExp, timeout = LONG): Promise<string> {
    await this.page.waitForFunction(
      (src: string) => {
        const el = document.getElementById('dockyard-dev.dockyard');
        return !!el && new RegExp(src).test(el.textContent ?? '');
      },
      re.source,
      { timeout, polling: 250 },
    );
    return (await this.statusItem().textContent())?.trim() ?? '';
  }

  /**
   * Quick Open (Ctrl+P) a workspace file by name and wait until its editor tab is active. For a
   * path (`images/insecure/Dockerfile`) the row shows the name and the folder apart: it is matched
   * by the name and the folder's last part.
   */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await this.page.keyboard.type(name);
    const parts = name.split('/');
    const base = parts[parts.length - 1];
    let row = this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: base });
    if (parts.length > 1) row = row.filter({ hasText: parts[parts.length - 2] });
    await row.first().waitFor({ state: 'visible', timeout: LONG });
    await row.first().click();
    await this.page.locator('.tab.active').filter({ hasText: base }).waitFor({ state: 'visible', timeout: LONG });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: LONG });
  }

  /** Opens the command palette, types `text`, returns the visible entries (labels). */
  /**
   * Opens the command palette filtered by `text` and returns the labels shown. The filter is set as
   * one value (`fill`), not typed key by key: keystrokes sent while the workbench is still busy
   * (a fresh code-server registering its contributions) can be dropped, leaving a filter that
   * matches nothing. A command contributed late (Extensions: Install from VSIX...) may be missing
   * from the first palette: it is opened again until the row shows or LONG has passed.
   */
  async commandPalette(text: string): Promise<string[]> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first();
    const deadline = Date.now() + LONG;
    for (;;) {
      await this.page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: SHORT });
      await input.fill(`>${text}`);
      try {
        await row.waitFor({ state: 'visible', timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) });
        break;
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT });
      }
    }
    return (await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
  }

  /** Runs a command from the palette by its full label ("Dockyard: Lint workspace"). */
  async runCommand(label: string, o: { opensQuickInput?: boolean } = {}): Promise<void> {
    const labels = await this.commandPalette(label);
    if (!labels.includes(label)) throw new Error(`command palette has no "${label}" (saw: ${labels.join(' | ')})`);
    await this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first().click();
    // A command that opens a quick input of its own (a file dialog) reuses the widget: it may never
    // be seen hidden. Wait instead until the widget no longer holds the palette's `>` filter.
    if (o.opensQuickInput) await this.waitForQuickInputValue((v) => !v.startsWith('>'));
    else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Polls the quick input's value until `ok` accepts it (LONG at most). */
  async waitForQuickInputValue(ok: (value: string) => boolean): Promise<string> {
    const input = this.page.locator('.quick-input-widget input');
    const deadline = Date.now() + LONG;
    for (;;) {
      const v = (await input.isVisible()) ? await input.inputValue({ timeout: SHORT }).catch(() => undefined) : undefined;
      if (v !== undefined && ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`the quick input never held the expected value (last: ${JSON.stringify(v)})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async escape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Shows the Problems panel (without toggling it closed when it is already open). */
  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: SHORT });
  }

  /** Problems panel rows for one rule code (`dockyard(<rule>)`). */
  problemRows(rule: string): Locator {
    return this.page.locator('.markers-panel .monaco-list-row').filter({ hasText: rule });
  }

  /** Waits for a Problems panel row with code `rule`; returns its parts as rendered. */
  async waitForProblem(rule: string, timeout = LONG): Promise<Problem> {
    await this.showProblems();
    const row = this.problemRows(rule).first();
    await row.waitFor({ state: 'visible', timeout });
    const part = async (sel: string) => ((await row.locator(sel).first().textContent()) ?? '').trim();
    return { message: await part('.marker-message'), source: await part('.marker-source'), code: await part('.marker-code'), position: await part('.marker-line') };
  }

  async waitForNoProblem(rule: string, timeout = LONG): Promise<void> {
    await this.showProblems();
    await this.page.waitForFunction(
      (r: string) => ![...document.querySelectorAll('.markers-panel .monaco-list-row .marker-code')].some((e) => e.textContent?.trim() === r),
      rule,
      { timeout, polling: 250 },
    );
  }

  /**
   * 1-based line numbers that carry a squiggle of `severity` ('error' | 'warning' | 'info') in the
   * visible editor: monaco draws per-line overlay rows at the same `top` as the line numbers.
   */
  async squiggleLines(severity = 'error'): Promise<number[]> {
    return this.page.evaluate((sev: string) => {
      const lines = new Set<number>();
      for (const ed of document.querySelectorAll('.editor-instance .monaco-editor')) {
        if (!ed.offsetParent) continue; // hidden editor of a background tab
        const numbers = new Map<string, number>();
        for (const n of ed.querySelectorAll('.margin-view-overlays > div')) {
          const num = Number((n.textContent ?? '').trim());
          if (num) numbers.set(n.style.top, num);
        }
        for (const o of ed.querySelectorAll('.view-overlays > div')) {
          if (o.querySelector(`.squiggly-${sev}`)) {
            const num = numbers.get(o.style.top);
            if (num) lines.add(num);
          }
        }
      }
      return [...lines].sort((a, b) => a - b);
    }, severity);
  }

  async waitForSquiggle(line: number, severity = 'error', timeout = LONG): Promise<number[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const lines = await this.squiggleLines(severity);
      if (lines.includes(line)) return lines;
      if (Date.now() > deadline) throw new Error(`no ${severity} squiggle on line ${line} within ${timeout} ms (squiggles on: ${lines.join(', ') || 'none'})`);
      await new Promise((r) => setTimeout(r, 250)); // poll interval between real checks
    }
  }

  /** The visible text of the active editor, lines in order (monaco renders spaces as U+00A0). */
  async editorText(): Promise<string> {
    return this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    }, undefined);
  }

  async waitForEditorText(re: RegExp, timeout = LONG): Promise<string> {
    await this.page.waitForFunction(
      (src: string) => {
        const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
        return lines.some((l) => new RegExp(src).test((l.textContent ?? '').replace(/\u00a0/g, ' ')));
      },
      re.source,
      { timeout, polling: 250 },
    );
    return this.editorText();
  }

  /** Go to line:column with Ctrl+G in the active editor. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: SHORT });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT });
    await this.page.waitForFunction(
      (want: string) => [...document.querySelectorAll('.statusbar-item')].some((e) => (e.textContent ?? '').includes(want)),
      `Ln ${line}, Col ${column}`,
      { timeout: SHORT, polling: 250 },
    );
  }

  /** Opens the quick-fix menu (Ctrl+.) at the cursor and returns its entries. */
  async quickFixMenu(expect: string): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const item = this.page.locator('.action-widget .monaco-list-row').filter({ hasText: expect }).first();
    await item.waitFor({ state: 'visible', timeout: LONG });
    return (await this.page.locator('.action-widget .monaco-list-row.action').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /**
   * Applies a quick fix from the open menu with the keyboard, as a user would (the menu puts a
   * pointer-blocking layer over the page, so clicks are not how it is driven).
   */
  async chooseQuickFix(title: string): Promise<void> {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    const rows = await this.page.locator('.action-widget .monaco-list-row.action').count();
    for (let i = 0; i <= rows; i++) {
      if ((await focused.count()) && (await focused.first().getAttribute('aria-label')) === title) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: SHORT });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`quick-fix menu has no focusable "${title}"`);
  }

  /** Closes whatever popup, palette or menu a failed step may have left open. */
  async reset(): Promise<void> {
    for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT }).catch(() => undefined);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: SHORT });
  }
}
