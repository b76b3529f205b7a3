import { lociDockerfileKind } from '../../loci/sources';
import type { Arg, Instruction } from 'dockerfile-ast';
import { argumentsOf, type DockerfileModel } from '../../model/dockerfile';
import { expandVariables, globalArgDefaults, isLociImage, stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import type { Fix } from '../../types';
import { defineRule, type MessageOf } from '../define';

/** The uid distroless and many hardened images use for their non-root user. */
export const DEFAULT_NON_ROOT_UID = 65532;
/** loci's default UID/GID for the project user (loci Dockerfile `ARG UID=42424`, shared/loci/REFERENCE.md §1a). */
export const LOCI_UID = 42424;

/**
 * The final stage (the image `docker build` produces by default) runs as root: no USER in it or in
 * the earlier stages it builds on, or the last USER is root / 0. Fix: a `USER <uid>` line at the end
 * of the final stage (USER applies to CMD/ENTRYPOINT wherever it stands; earlier RUNs keep root).
 * Tier review: the application may need files or ports only root can use, so a person reviews it.
 */
export const rootUser = defineRule({
  id: 'root-user',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3002'],
  fixTiers: ['review'],
  references: [
    { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
    { title: 'CIS Docker Benchmark 4.1: create a user for the container', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  docs: {
    summary: 'The final stage runs as root: no USER, or the last USER is root / 0.',
    risk: 'A process that runs as root in the container is root on the host\'s kernel: a container escape or a writable host mount gives an attacker the node.',
    fix: 'Add USER with a non-root uid at the end of the final stage (65532, or 42424 for loci images, the uid loci gives the project user). On Kubernetes, also set runAsNonRoot: true. loci\'s own Dockerfile (and forks) is not flagged: its images get their runtime user from the deployment.',
  },
  messages: {
    noUser: 'The final stage {stage} sets no USER: the container runs as root (unless the base image sets a user).',
    rootUser: 'The final stage {stage} runs as "{user}" (root).',
    fixTitle: 'Add "USER {uid}" at the end of the final stage',
  },
  check(ctx, m) {
    const { model } = ctx;
    const infos = stageInfos(model);
    const final = infos[infos.length - 1];
    if (!final) return;
    // loci's own Dockerfile (or a fork) builds a service image whose runtime user the deployment
    // sets (loci creates uid 42424; the scaffolded manifests run as it): nothing to fix here.
    if (lociDockerfileKind(model, ctx.path)) return;
    let user: Instruction | undefined;
    let owner: StageInfo | undefined;
    for (let s: StageInfo | undefined = final; s && !user; s = s.parent) {
      for (const ins of s.stage.instructions) if (ins.getKeyword() === 'USER') user = ins;
      if (user) owner = s;
    }
    const stage = final.stage.name ?? `#${final.stage.index + 1}`;
    // Built on first use (a code action): reading the stage for the right uid is not free.
    const patterns = ctx.config.loci.baseImagePatterns;
    const fixes = (): Fix[] => [addUserFix(model, final, patterns, m)];
    if (!user) {
      if (nonRootBase(final)) return;
      const from = final.stage.from;
      ctx.report({
        range: model.range(from.getImageRange() ?? from.getInstructionRange()),
        message: m('noUser', { stage }),
        fixes,
      });
      return;
    }
    const arg = argumentsOf(user)[0];
    if (!arg) return;
    const values = argValuesBefore(model, owner!, user.getRange().start.line);
    const value = expandVariables(arg.getValue(), values);
    if (value === undefined) return; // chosen at build time
    const name = value.split(':')[0];
    if (name !== 'root' && !/^0+$/.test(name)) return;
    ctx.report({
      range: model.range(arg.getRange()),
      message: m('rootUser', { user: value, stage }),
      fixes,
    });
  },
});

/** The external base image already runs as a non-root user (distroless `:nonroot`, `-rootless`). */
function nonRootBase(info: StageInfo): boolean {
  let s = info;
  while (s.parent) s = s.parent;
  return !!s.image && /nonroot|rootless/i.test(s.image);
}

/** Global ARG defaults, then the stage's own ARG defaults before `line`. */
function argValuesBefore(model: DockerfileModel, info: StageInfo, line: number): Map<string, string | null> {
  const values = new Map(globalArgDefaults(model));
  for (const ins of info.stage.instructions) {
    if (ins.getRange().start.line >= line) break;
    if (ins.getKeyword() === 'ARG') {
      const p = (ins as Arg).getProperty?.();
      if (p && (p.getValue() !== null || !values.has(p.getName()))) values.set(p.getName(), p.getValue());
    }
  }
  return values;
}

function addUserFix(model: DockerfileModel, final: StageInfo, patterns: string[], m: MessageOf<'fixTitle'>): Fix {
  const uid = nonRootUid(model, final, patterns);
  const text = model.text;
  const eol = model.lines.eol;
  const end = model.lines.positionAt(text.length);
  const newText = (text.length && !text.endsWith('\n') ? eol : '') + `USER ${uid}` + eol;
  return { title: m('fixTitle', { uid }), edits: [{ range: { start: end, end }, newText }] };
}

/** loci images: the project user's UID (`ARG UID=…` default, else 42424); otherwise 65532. */
export function nonRootUid(model: DockerfileModel, final: StageInfo, patterns: string[]): number {
  let loci = false;
  let uid: number | undefined;
  for (let s: StageInfo | undefined = final; s; s = s.parent) {
    if (isLociImage(s.image, patterns)) loci = true;
    for (const ins of s.stage.instructions) {
      const k = ins.getKeyword();
      if (k === 'RUN' && ins.getTextContent().includes('/opt/loci/scripts/')) loci = true;
      if (k === 'ARG' && uid === undefined) {
        const p = (ins as Arg).getProperty?.();
        if (p?.getName() === 'UID' && /^\d+$/.test(p.getValue() ?? '') && Number(p.getValue()) > 0) uid = Number(p.getValue());
      }
    }
  }
  if (!loci) return DEFAULT_NON_ROOT_UID;
  return uid ?? LOCI_UID;
}
