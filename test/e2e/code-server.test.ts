/**
 * Dockyard in a real VS Code: code-server 4.100.3 (VS Code 1.100.3, real Node extension host) with
 * the packaged .vsix installed, driven through Debian's Chromium. Asserts on what a user sees.
 * One code-server instance for the whole file; screenshots of every step in test-results/e2e/trusted/.
 * Skips (with the reason) when code-server/Chromium/playwright-core are not installed, except under
 * CI or DOCKYARD_E2E=1, where that is a failure.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, openSession, ROOT, skipReason, Workbench, type Session } from './workbench';

const FIXTURE = join(ROOT, 'test/e2e/fixtures/workspace');
const POD = 'deploy/insecure-pod.yaml';
const skip = skipReason();

describe('Dockyard in code-server (trusted workspace)', { skip: skip ?? false, timeout: 15 * 60_000 }, () => {
  let s: Session;
  let wb: Workbench;
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } finally {
      // The screenshot of a step is taken whether it passed or failed: that is what a person checks.
      if (s) await s.shot(name).catch(() => undefined);
    }
  };

  before(async () => {
    s = await openSession('trusted', FIXTURE);
    wb = new Workbench(s.page);
    await wb.ready();
  }, { timeout: 5 * 60_000 });

  // A step that failed may leave a palette or menu open: close it so the next test starts clean.
  beforeEach(async () => {
    await wb?.reset();
  });

  after(async () => {
    await s?.close();
  });

  it('activates on a workspace with a Dockerfile and shows its status-bar item', { timeout: 3 * 60_000 }, async () => {
    await step('workbench-status', async () => {
      const text = await wb.waitForStatus(/Dockyard: (ready|\d+ problems?)/);
      assert.match(text, /^Dockyard: (ready|\d+ problems?)$/);
    });
  });

  it('lists the Dockyard commands in the command palette', { timeout: 2 * 60_000 }, async () => {
    await step('command-palette', async () => {
      const labels = await wb.commandPalette('Dockyard:');
      for (const l of ['Dockyard: Lint workspace', 'Dockyard: Restart server', 'Dockyard: Show rule documentation', 'Dockyard: Show output']) {
        assert.ok(labels.includes(l), `palette lacks "${l}": ${labels.join(' | ')}`);
      }
    });
  });

  it('reports privileged-container in the Problems panel with a squiggle', { timeout: 3 * 60_000 }, async () => {
    await step('pod-problem', async () => {
      await wb.openFile('insecure-pod.yaml');
      const p = await wb.waitForProblem('privileged-container');
      assert.deepEqual(p, {
        message: 'Container "web" runs privileged (securityContext.privileged: true).',
        source: 'dockyard',
        code: 'privileged-container',
        position: '[Ln 11, Col 9]',
      });
      await wb.waitForSquiggle(11, 'error');
      assert.match(await wb.waitForStatus(/Dockyard: \d+ problems?/), /Dockyard: [1-9]\d* problems?/);
    });
  });

  it('offers "Set privileged to false" and applying it fixes the text and clears the problem', { timeout: 4 * 60_000 }, async () => {
    await step('quick-fix-menu', async () => {
      await wb.goTo(11, 9);
      const entries = await wb.quickFixMenu('Set privileged to false');
      assert.ok(entries.some((e) => e.includes('Set privileged to false')), entries.join(' | '));
    });
    await step('quick-fix-applied', async () => {
      await wb.chooseQuickFix('Set privileged to false');
      const text = await wb.waitForEditorText(/privileged: false/);
      assert.match(text, /^ {8}privileged: false$/m);
      assert.doesNotMatch(text, /privileged: true/);
      await wb.waitForNoProblem('privileged-container');
      assert.ok(!(await wb.squiggleLines('error')).includes(11), 'the squiggle on line 11 is gone');
    });
    await step('saved', async () => {
      await wb.save();
      const expected = readFileSync(join(FIXTURE, POD), 'utf8').replace('privileged: true', 'privileged: false');
      assert.equal(readFileSync(join(s.workspace, POD), 'utf8'), expected);
    });
  });

  it('"Dockyard: Lint workspace" reports dockerfile-syntax in a Dockerfile that is not open', { timeout: 3 * 60_000 }, async () => {
    await step('lint-workspace', async () => {
      await wb.runCommand('Dockyard: Lint workspace');
      const p = await wb.waitForProblem('dockerfile-syntax');
      assert.match(p.message, /^Unknown instruction "RUNN"/);
      assert.equal(p.source, 'dockyard');
      assert.equal(p.position, '[Ln 2, Col 1]');
      // The finished notification reports what was linted.
      await s.page.locator('.notification-toast').filter({ hasText: /Dockyard linted \d+ files?: [1-9]\d* errors?, \d+ warnings?\./ }).first().waitFor({ state: 'visible', timeout: LONG });
    });
  });

  it('shows the dockerfile-syntax squiggle when the Dockerfile is opened', { timeout: 3 * 60_000 }, async () => {
    await step('dockerfile-open', async () => {
      await wb.openFile('Dockerfile');
      await wb.waitForSquiggle(2, 'error');
      assert.match((await wb.waitForProblem('dockerfile-syntax')).message, /RUNN/);
    });
  });
});
