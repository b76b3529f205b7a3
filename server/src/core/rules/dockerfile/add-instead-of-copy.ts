import type { Instruction } from 'dockerfile-ast';
import { lociDockerfileKind } from '../../loci/sources';
import type { Fix } from '../../types';
import { defineRule } from '../define';
import { copySources, flagsOf, instructionsWithKeyword } from './util';

const KEYWORDS: ReadonlySet<string> = new Set(['ADD']);
/** What makes ADD do more than COPY: a download, a Git repository, a local tar archive it unpacks. */
const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|gz|bz2|xz|zst|lz|lzma)$/i;
/** ADD-only flags: with them the instruction cannot become COPY. */
const ADD_ONLY_FLAGS: ReadonlySet<string> = new Set(['checksum', 'keep-git-dir', 'unpack']);

/**
 * ADD of local files or folders: ADD also downloads URLs and unpacks local tar archives (by
 * content, whatever the name), so for plain files COPY says what happens. Not reported when a
 * source is a URL, a Git repository, looks like an archive or holds a variable. Quick fix: ADD →
 * COPY (not fix-all: a file that is a tar archive without the name of one would stop being
 * unpacked). loci's own Dockerfile (and forks of it) is not judged: forks keep upstream's file as it
 * is so upstream changes merge, and its `ADD` of folders behaves as COPY.
 */
export const addInsteadOfCopy = defineRule({
  id: 'add-instead-of-copy',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL3020'],
  references: [{ title: 'Dockerfile best practices: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' }],
  docs: {
    summary: 'ADD of local files or folders, where COPY does the same.',
    risk: 'ADD silently unpacks any local tar archive and can download URLs: a reader cannot tell which one you meant, and a file that happens to be an archive ends up unpacked.',
    fix: 'Use COPY for local files and folders (the quick fix replaces ADD with COPY); keep ADD for URLs, Git repositories and archives you want unpacked. loci\'s own Dockerfile and its forks are not judged (they keep upstream\'s file).',
  },
  messages: {
    message: 'ADD of local {count, plural, one {file or folder} other {files or folders}}: use COPY.',
    fixTitle: 'Replace ADD with COPY',
  },
  check(ctx, m) {
    const { model } = ctx;
    if (lociDockerfileKind(model, ctx.path)) return;
    for (const { ins } of instructionsWithKeyword(model, KEYWORDS)) {
      const sources = copySources(model, ins);
      if (!sources.length) continue;
      if (sources.some((s) => s.value.includes('$') || REMOTE.test(s.value) || ARCHIVE.test(s.value))) continue;
      const fixable = !flagsOf(ins).some((f) => ADD_ONLY_FLAGS.has(f.getName()));
      const range = model.range(ins.getInstructionRange());
      ctx.report({ range, message: m('message', { count: sources.length }), fixes: fixable ? [copyFix(ins, range, m('fixTitle'))] : undefined });
    }
  },
});

function copyFix(ins: Instruction, range: Fix['edits'][number]['range'], title: Fix['title']): Fix {
  const kw = ins.getInstruction();
  const newText = kw === kw.toLowerCase() ? 'copy' : 'COPY';
  return { title, edits: [{ range, newText }] };
}
