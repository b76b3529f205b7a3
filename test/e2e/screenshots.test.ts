/**
 * The README's pictures, taken in code-server on a copy of examples/: the Problems panel, a quick
 * fix before and after, layer hints and code lenses on a Dockerfile, the scaffold wizard. Part of
 * `npm run test:e2e` (pictures in test-results/e2e/screenshots/); `npm run screenshots` runs only
 * this file and writes them to docs/images/ (DOCKYARD_SCREENSHOTS_DIR).
 * The Chinese UI picture (docs/images/zh-cn.png) is taken by code-server-zh-cn.test.ts in the same run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LONG, openSession, ROOT, skipReason, Workbench, type Session } from './workbench';

const skip = skipReason();

describe('README screenshots', { skip: skip ?? false, timeout: 12 * 60_000 }, () => {
  let s: Session;
  let wb: Workbench;
  let dir: string;
  const picture = async (name: string) => {
    const p = join(dir, `${name}.png`);
    await s.page.screenshot({ path: p });
    return p;
  };

  before(async () => {
    s = await openSession('screenshots', join(ROOT, 'examples'));
    wb = new Workbench(s.page);
    dir = process.env.DOCKYARD_SCREENSHOTS_DIR ? resolve(ROOT, process.env.DOCKYARD_SCREENSHOTS_DIR) : s.shots;
    mkdirSync(dir, { recursive: true });
    await wb.ready();
  }, { timeout: 5 * 60_000 });

  after(async () => {
    await s?.close();
  });

  it('the Problems panel and a quick fix before and after', { timeout: 4 * 60_000 }, async () => {
    await wb.openFile('insecure-pod.yaml');
    const p = await wb.waitForProblem('privileged-container');
    assert.equal(p.code, 'privileged-container');
    await wb.waitForSquiggle(21, 'error');
    // The status bar counts what the Problems panel lists (it counted errors and warnings only).
    const badge = s.page.locator('.part.panel .badge-content').first();
    await badge.waitFor({ state: 'visible', timeout: LONG });
    const listed = Number((await badge.textContent())?.trim());
    assert.ok(listed > 0);
    assert.equal(await wb.waitForStatus(/Dockyard: \d+ problems?/), `Dockyard: ${listed} problems`);
    await picture('problems');
    await wb.goTo(21, 9);
    await wb.quickFixMenu('Set privileged to false');
    await picture('quick-fix-before');
    await wb.chooseQuickFix('Set privileged to false');
    await wb.waitForEditorText(/privileged: false/);
    await wb.waitForNoProblem('privileged-container');
    await picture('quick-fix-after');
  });

  it('layer hints and code lenses on a Dockerfile', { timeout: 3 * 60_000 }, async () => {
    await wb.reset();
    await wb.openFile('images/insecure/Dockerfile');
    const lens = s.page.locator('.editor-instance .codelens-decoration').filter({ hasText: /layers? in stage/ }).first();
    await lens.waitFor({ state: 'visible', timeout: LONG });
    await s.page.locator('.editor-instance .view-lines').filter({ hasText: 'layer 1' }).first().waitFor({ state: 'visible', timeout: LONG });
    assert.match((await lens.textContent()) ?? '', /^\d+ layers in stage #1/);
    await picture('layers');
  });

  it('the scaffold wizard', { timeout: 3 * 60_000 }, async () => {
    await wb.reset();
    // (not wb.runCommand: the wizard's first question opens in the same quick input)
    await wb.commandPalette('Dockyard: Scaffold Kubernetes Manifests');
    await s.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Scaffold Kubernetes Manifests' }).first().click();
    const row = s.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Image service' }).first();
    await row.waitFor({ state: 'visible', timeout: LONG });
    await picture('scaffold-wizard');
    await wb.reset();
  });
});
