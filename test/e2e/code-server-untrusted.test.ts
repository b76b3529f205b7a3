/**
 * The untrusted path: code-server WITHOUT --disable-workspace-trust, so the folder opens behind the
 * trust dialog. The user answers "No" and the window is in Restricted Mode; Dockyard declares
 * `capabilities.untrustedWorkspaces.supported: true` (it only reads files), so it must still activate
 * and report problems there. One code-server instance for the file; screenshots in
 * test-results/e2e/untrusted/.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, openSession, ROOT, SHORT, skipReason, Workbench, type Session } from './workbench';

const FIXTURE = join(ROOT, 'test/e2e/fixtures/workspace');
const skip = skipReason();

describe('Dockyard in code-server (Restricted Mode)', { skip: skip ?? false, timeout: 15 * 60_000 }, () => {
  let s: Session;
  let wb: Workbench;
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } finally {
      if (s) await s.shot(name).catch(() => undefined);
    }
  };

  before(async () => {
    s = await openSession('untrusted', FIXTURE, { trust: false });
    wb = new Workbench(s.page);
  }, { timeout: 5 * 60_000 });

  beforeEach(async () => {
    // Not while the trust dialog is up: Escape there would answer it.
    if (wb && !(await s.page.locator('.monaco-dialog-box').isVisible())) await wb.reset();
  });

  after(async () => {
    await s?.close();
  });

  it('asks whether to trust the folder; answering No opens it in Restricted Mode', { timeout: 4 * 60_000 }, async () => {
    await step('trust-dialog', async () => {
      const dialog = s.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: LONG });
      assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /trust the authors/i);
    });
    await step('restricted-mode', async () => {
      await s.page.locator('.monaco-dialog-box .monaco-button').filter({ hasText: /No, I don.t trust the authors/ }).first().click();
      await s.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: SHORT });
      await wb.ready();
      // Answering No shows the Restricted Mode banner (the status-bar indicator is there from the start).
      await s.page.locator('.part.banner').filter({ hasText: 'Restricted Mode is intended for safe code browsing' }).waitFor({ state: 'visible', timeout: LONG });
      await s.page.locator('.part.statusbar .statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: SHORT });
    });
  });

  it('activates in Restricted Mode and shows its status-bar item', { timeout: 3 * 60_000 }, async () => {
    await step('status', async () => {
      assert.match(await wb.waitForStatus(/Dockyard: (ready|\d+ problems?)/), /^Dockyard: (ready|\d+ problems?)$/);
    });
  });

  it('reports privileged-container with a squiggle in Restricted Mode', { timeout: 3 * 60_000 }, async () => {
    await step('pod-problem', async () => {
      await wb.openFile('insecure-pod.yaml');
      const p = await wb.waitForProblem('privileged-container');
      assert.equal(p.message, 'Container "web" runs privileged (securityContext.privileged: true).');
      assert.equal(p.position, '[Ln 11, Col 9]');
      await wb.waitForSquiggle(11, 'error');
      // Still restricted: nothing above changed the trust state.
      await s.page.locator('.part.statusbar .statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: SHORT });
    });
  });

  it('applies the quick fix in Restricted Mode', { timeout: 3 * 60_000 }, async () => {
    await step('quick-fix-applied', async () => {
      await wb.goTo(11, 9);
      await wb.quickFixMenu('Set privileged to false');
      await wb.chooseQuickFix('Set privileged to false');
      await wb.waitForEditorText(/privileged: false/);
      await wb.waitForNoProblem('privileged-container');
      await wb.save();
      const pod = 'deploy/insecure-pod.yaml';
      assert.equal(readFileSync(join(s.workspace, pod), 'utf8'), readFileSync(join(FIXTURE, pod), 'utf8').replace('privileged: true', 'privileged: false'));
    });
  });
});
