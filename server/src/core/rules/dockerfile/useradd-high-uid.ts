import { runShell } from '../../model/dockerfile-run';
import { baseName, simpleCommands, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * `useradd -u <uid>` with a UID of six digits or more and without `-l` (`--no-log-init`): useradd
 * reserves lastlog/faillog records up to that UID, a sparse file the image layer stores in full
 * (hundreds of MB to GB). Fix (fix-all): insert `-l` after `useradd`; it only skips those log files.
 */
export const useraddHighUid = defineRule({
  id: 'useradd-high-uid',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3046'],
  references: [{ title: 'Dockerfile best practices: USER', url: 'https://docs.docker.com/build/building/best-practices/#user' }],
  docs: {
    summary: 'useradd with a high UID (six digits or more) without -l / --no-log-init.',
    risk: 'useradd writes lastlog and faillog entries up to the UID: a sparse file that the layer stores in full, easily hundreds of megabytes.',
    fix: 'Add -l (--no-log-init); the fix inserts it after useradd.',
  },
  messages: {
    message: 'useradd -u {uid} without -l writes a lastlog record as large as the UID into the layer.',
    fixTitle: 'Add -l (--no-log-init)',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      if (!ins.getTextContent().includes('useradd')) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      for (const c of simpleCommands(run.script.list)) {
        const i = unwrapCommand(c);
        if (baseName(c.words[i]?.value) !== 'useradd') continue;
        let uid: string | undefined;
        let noLog = false;
        for (let k = i + 1; k < c.words.length; k++) {
          const v = c.words[k].value ?? '';
          if (v === '-l' || v === '--no-log-init' || /^-[a-zA-Z]*l[a-zA-Z]*$/.test(v) && !/[ugGdskecfp]/.test(v.slice(1))) noLog = true;
          if (v === '-u' || v === '--uid') uid = c.words[k + 1]?.value;
          else if (v.startsWith('--uid=')) uid = v.slice(6);
          else if (/^-u\d+$/.test(v)) uid = v.slice(2);
        }
        if (noLog || !uid || !/^\d{6,}$/.test(uid)) continue;
        const nameWord = c.words[i];
        const at = model.lines.positionAt(run.offset(nameWord.end, true));
        ctx.report({ range: run.range(nameWord), message: m('message', { uid }), fixes: [{ title: m('fixTitle'), edits: [{ range: { start: at, end: at }, newText: ' -l' }], tier: 'safe' }] });
      }
    }
  },
});
