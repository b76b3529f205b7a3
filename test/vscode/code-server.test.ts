/**
 * The extension suite (test/vscode/extension.suite.ts) in a real VS Code extension host without
 * downloading VS Code: code-server loads the extension from the repository as an extension under
 * development and runs the suite, driven through the workbench URL's `payload`
 * (extensionDevelopmentPath / extensionTestsPath, as @vscode/test-web does). The workbench reports
 * the suite's exit code through `window.codeAutomationExit`. Skips like the browser tests when
 * code-server/Chromium/playwright-core are missing (fails instead under CI or DOCKYARD_E2E=1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cs from '../../scripts/e2e/code-server.mjs';
import { loadPlaywright, LONG, RESULTS, ROOT, skipReason } from '../e2e/workbench';

const SUITE = join(ROOT, 'out/test/vscode/extension.suite.js');
const skip = skipReason();

test('extension suite in code-server\'s extension host (extensionDevelopmentPath + extensionTestsPath)', { skip: skip ?? false, timeout: 8 * 60_000 }, async (t) => {
  assert.ok(existsSync(SUITE), `${SUITE} is missing: run node scripts/build.mjs`);
  const entry = cs.codeServerEntry()!;
  const tmp = mkdtempSync(join(tmpdir(), 'dockyard-suite-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(ROOT, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
  const out = join(RESULTS, 'extension-suite');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const userDataDir = join(tmp, 'user-data');
  cs.writeUserSettings(userDataDir);
  // A fresh, empty extensions folder: the only Dockyard is the one under development.
  const server = await cs.startCodeServer({ entry, workspace, extensionsDir: join(tmp, 'extensions'), userDataDir, logFile: join(out, 'code-server.log') });
  const browser = await loadPlaywright().chromium.launch({ executablePath: cs.CHROMIUM, headless: true, args: cs.CHROMIUM_ARGS, timeout: LONG });
  const lines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE)],
    ];
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((r) => (exit = r));
    await page.exposeFunction('codeAutomationExit', ((code: number) => exit(code)) as (...a: never[]) => unknown);
    // The extension host's console (the suite's report) is forwarded here.
    await page.exposeFunction('codeAutomationLog', ((_type: string, args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }) as (...a: never[]) => unknown);
    await page.goto(`${server.folderUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: LONG, waitUntil: 'domcontentloaded' });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), 6 * 60_000)))]);
    clearTimeout(timer);
    await page.screenshot({ path: join(out, 'workbench.png') }).catch(() => undefined);
    const report = lines.filter((l) => /^(Dockyard extension suite|\s+(ok|FAIL)\s|extension suite:)/.test(l));
    for (const l of report) t.diagnostic(l.trimEnd());
    assert.equal(code, 0, `the extension suite failed (exit ${code}):\n${lines.join('\n')}`);
    // Every case reported ok (the runner would have thrown otherwise; this also rules out an empty run).
    assert.match(report.join('\n'), /extension suite: [1-9]\d* ok, 0 failing/);
  } finally {
    writeFileSync(join(out, 'extension-host.log'), lines.join('\n'));
    await browser.close().catch(() => undefined);
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
});
