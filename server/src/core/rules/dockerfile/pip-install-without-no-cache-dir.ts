import type { Env, Instruction } from 'dockerfile-ast';
import { defineRule } from '../define';
import type { DockerfileModel } from '../../model/dockerfile';
import { stageIndexAtLine, stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import type { SimpleCommand } from '../../util/shell';
import { hasOption, insertAfterWord, mountsCacheOver, packageRuns } from './packages';
import { shipsInImage } from './util';

/**
 * `pip install` without `--no-cache-dir`, in a stage that ships: pip keeps the downloaded wheels
 * in ~/.cache/pip inside the layer. Not reported when PIP_NO_CACHE_DIR is set to a true value (not
 * 0/off/no/false, as hadolint's DL3042) by an ENV of the stage before the RUN or of a stage it is
 * built FROM, or by an assignment or `export` in the RUN; nor when the RUN mounts a cache over the
 * pip cache. Fix (fix-all): insert `--no-cache-dir` after `install`.
 */
export const pipInstallWithoutNoCacheDir = defineRule({
  id: 'pip-install-without-no-cache-dir',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3042'],
  references: [{ title: 'pip: caching', url: 'https://pip.pypa.io/en/stable/topics/caching/' }],
  docs: {
    summary: 'pip install without --no-cache-dir, in a stage that ships (the final stage or one it builds on).',
    risk: 'pip\'s download cache (the wheels it just installed, again) stays in the layer.',
    fix: 'pip install --no-cache-dir … (the fix inserts it), ENV PIP_NO_CACHE_DIR=1, or RUN --mount=type=cache,target=/root/.cache/pip.',
  },
  messages: {
    message: '{command} install without --no-cache-dir keeps pip\'s download cache in the layer.',
    fixTitle: 'Add --no-cache-dir',
  },
  check(ctx, m) {
    const { model } = ctx;
    const envAware = model.text.includes('PIP_NO_CACHE_DIR');
    for (const pr of packageRuns(model)) {
      if (!shipsInImage(model, pr.ins, pr.onbuild) || mountsCacheOver(pr.ins, ['/root/.cache/pip'])) continue;
      if (envAware && (noCacheInRun(pr.commands) || noCacheInEnv(model, pr.ins))) continue;
      for (const p of pr.packages) {
        if (p.manager !== 'pip' || p.action !== 'install' || !p.verb || hasOption(p, ['--no-cache-dir'])) continue;
        ctx.report({
          range: pr.run.range({ start: p.name.start, end: p.verb.end }),
          message: m('message', { command: p.label }),
          fixes: [insertAfterWord(model, pr.run, p.verb, ' --no-cache-dir', m('fixTitle'), true)],
        });
      }
    }
  },
});

const FALSY: ReadonlySet<string> = new Set(['', '0', 'off', 'no', 'false']);
const truthy = (v: string) => !FALSY.has(v.replace(/^["']|["']$/g, '').trim().toLowerCase());

/** `PIP_NO_CACHE_DIR=<true>` before a command, or `export PIP_NO_CACHE_DIR=<true>`, in the RUN. */
function noCacheInRun(commands: readonly SimpleCommand[]): boolean {
  for (const c of commands) {
    const words = c.words[0]?.value === 'export' ? [...c.assignments, ...c.words.slice(1)] : c.assignments;
    for (const w of words) {
      const v = w.value ?? w.text;
      if (v.startsWith('PIP_NO_CACHE_DIR=') && truthy(v.slice('PIP_NO_CACHE_DIR='.length))) return true;
    }
  }
  return false;
}

/** The last ENV PIP_NO_CACHE_DIR before `ins` in its stage, else in the stages it is built FROM, is true. */
function noCacheInEnv(model: DockerfileModel, ins: Instruction): boolean {
  const line = ins.getRange().start.line;
  const infos = stageInfos(model);
  let info: StageInfo | undefined = infos[stageIndexAtLine(model, line)];
  let limit = line;
  for (let depth = 0; info && depth < infos.length; depth++) {
    let value: string | undefined;
    for (const i of info.stage.instructions) {
      if (i.getRange().start.line >= limit) break;
      if (i.getKeyword() !== 'ENV') continue;
      for (const p of (i as Env).getProperties()) if (p.getName() === 'PIP_NO_CACHE_DIR') value = p.getValue() ?? '';
    }
    if (value !== undefined) return truthy(value);
    info = info.parent;
    limit = Infinity;
  }
  return false;
}
