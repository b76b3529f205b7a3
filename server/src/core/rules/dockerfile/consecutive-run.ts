import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model/dockerfile';
import { runShell, type RunShell } from '../../model/dockerfile-run';
import type { Fix } from '../../types';
import type { ShellList } from '../../util/shell';
import { defineRule, type MessageOf } from '../define';
import { continuationStyle, flagsOf } from './util';

/**
 * RUN instructions that follow one another (only comments or blank lines between them) each add a
 * layer; one RUN joined with `&&` makes one layer. One finding per sequence, on its first RUN (where
 * the merge is offered), with the later RUNs as related locations.
 *
 * Decisions (documented in the rule docs):
 * - RUNs whose flags differ (`--mount`, `--network`, `--security`) end a sequence and are not
 *   reported: joining them would give one command the other's mounts, network or privileges.
 * - Exec form (`RUN ["…"]`), heredocs (`RUN <<EOF`, `RUN cat <<EOF …`), a non-POSIX SHELL, a
 *   script the parser cannot read, a trailing comment on the last line (the joined `\` would be
 *   commented out): the finding stays (they are still separate layers a person can merge), without
 *   the fix.
 * - The merged RUN keeps the first RUN's flags, every command's text as written (its own
 *   continuations too), the comment lines that stood between the RUNs (as comment lines inside the
 *   continuation, which BuildKit drops), drops blank lines (an empty continuation line is
 *   deprecated), and uses the file's continuation style (`\` + newline, the indentation of the
 *   file's continuation lines, `&&` leading the line or ending it).
 * - Behaviour is kept: `a && b` needs no brackets (`a || b && c` is `(a || b) && c` in POSIX sh:
 *   `&&` and `||` have equal precedence, left-associative); a later part with `||` or with several
 *   commands (`a; b`, `a &`) is grouped `{ …; }` so it still runs only when the earlier parts
 *   succeeded; an earlier part that changes the shell's state for what follows (cd, export, set,
 *   umask, exec, exit, assignments, functions, loops …) runs in a subshell `( … )`, as it did in its
 *   own RUN.
 */
export const consecutiveRun = defineRule({
  id: 'consecutive-run',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL3059'],
  fixTiers: ['review'],
  references: [{ title: 'Dockerfile best practices: RUN', url: 'https://docs.docker.com/build/building/best-practices/#run' }],
  docs: {
    summary: 'RUN instructions that follow one another and could be one layer.',
    risk: 'Each RUN is a layer: more layers, and files removed by a later RUN (caches, package lists) still ship in the earlier layer.',
    fix: 'Merge them into one RUN joined with &&. The quick fix keeps each command as written, the comments between them, and the file\'s continuation style; it groups a later part in { …; } when it holds several commands or ||, and runs an earlier part in a subshell ( … ) when it changes the shell\'s state (cd, export, set …), so the result behaves like the separate RUNs. RUNs with different flags (--mount, --network, --security) are not reported; exec form (RUN ["…"]), heredocs and lines ending in a comment are reported without the fix.',
  },
  messages: {
    message: '{count} consecutive RUN instructions (lines {first} to {last}) could be one layer.',
    related: 'A later RUN of the sequence.',
    fixTitle: 'Merge the {count} RUN instructions into one',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      let seq: Instruction[] = [];
      const flush = () => {
        if (seq.length >= 2) report(seq);
        seq = [];
      };
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'RUN') {
          flush();
          continue;
        }
        if (seq.length && flagKey(seq[seq.length - 1]) !== flagKey(ins)) flush();
        seq.push(ins);
      }
      flush();
    }

    function report(seq: Instruction[]): void {
      ctx.report({
        range: model.range(seq[0].getInstructionRange()),
        message: m('message', { count: seq.length, first: seq[0].getRange().start.line + 1, last: seq[seq.length - 1].getRange().start.line + 1 }),
        related: seq.slice(1).map((ins) => ({ range: model.range(ins.getInstructionRange()), message: m('related') })),
        // Building the merge parses every RUN of the sequence: done only when a fix is asked for.
        fixes: () => {
          const fix = mergeFix(model, seq, m);
          return fix ? [fix] : [];
        },
      });
    }
  },
});

function flagKey(ins: Instruction): string {
  return flagsOf(ins)
    .map((f) => `${f.getName()}=${f.getValue() ?? ''}`)
    .sort()
    .join('\u0000');
}

interface Part {
  run: RunShell;
  list: ShellList;
  /** Document offsets of the commands' text (last separator and trailing blanks excluded). */
  start: number;
  end: number;
  multi: boolean;
  trailingAmp: boolean;
  hasOr: boolean;
  stateful: boolean;
}

function mergeFix(model: DockerfileModel, seq: Instruction[], m: MessageOf<'fixTitle'>): Fix | undefined {
  const parts: Part[] = [];
  for (const ins of seq) {
    const run = runShell(model, ins);
    if (run.form !== 'shell' || !run.script || run.script.errors.length) return undefined;
    // Continuations are joined without line breaks: a line break means heredoc bodies follow.
    if (run.script.text.includes('\n')) return undefined;
    const list = run.script.list;
    if (!list.items.length) return undefined;
    const last = list.items[list.items.length - 1];
    const tail = run.script.text.slice(list.end).replace(/^\s*[;&]?\s*/, '');
    if (tail.length) return undefined; // a trailing comment
    const items = list.items;
    parts.push({
      run,
      list,
      start: run.offset(list.start),
      end: run.offset(list.end, true),
      multi: items.length > 1,
      trailingAmp: last.separator?.op === '&',
      hasOr: items.length === 1 && items[0].andOr.ops.includes('||'),
      stateful: changesShellState(list),
    });
  }
  const style = continuationStyle(model);
  const esc = model.escapeChar;
  const eol = model.lines.eol;
  let out = '';
  parts.forEach((p, i) => {
    const raw = model.text.slice(p.start, p.end);
    const isLast = i === parts.length - 1;
    let text: string;
    if (!isLast && p.stateful) text = p.trailingAmp ? `( ${raw} & )` : `( ${raw} )`;
    else if (p.multi || p.trailingAmp || (i > 0 && p.hasOr)) text = p.trailingAmp ? `{ ${raw} & }` : `{ ${raw}; }`;
    else text = raw;
    if (i === 0) {
      out = text;
      return;
    }
    const comments = commentLinesBetween(model, seq[i - 1], seq[i]);
    const between = comments.map((c) => c + eol).join('');
    out += style.leading ? ` ${esc}${eol}${between}${style.indent}&& ${text}` : ` && ${esc}${eol}${between}${style.indent}${text}`;
  });
  const start = parts[0].start;
  const end = model.lines.offsetAt(seq[seq.length - 1].getRange().end);
  return {
    title: m('fixTitle', { count: seq.length }),
    edits: [{ range: model.lines.rangeOf(start, end), newText: out }],
  };
}

/** Comment lines (trailing blanks trimmed) between two instructions; blank lines dropped. */
function commentLinesBetween(model: DockerfileModel, a: Instruction, b: Instruction): string[] {
  const out: string[] = [];
  for (let l = a.getRange().end.line + 1; l < b.getRange().start.line; l++) {
    const t = model.lines.lineText(l).replace(/\s+$/, '');
    if (t.trim()) out.push(t);
  }
  return out;
}

const STATEFUL: ReadonlySet<string> = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'umask', 'source', '.', 'alias', 'unalias', 'trap', 'exec', 'exit',
  'return', 'ulimit', 'declare', 'typeset', 'local', 'readonly', 'eval', 'read', 'getopts', 'let', 'hash', 'enable', 'shift',
  'mapfile', 'readarray', 'builtin', 'wait',
]);

/**
 * Whether a list changes the state the commands after it would see in the same shell: working
 * directory, variables, options, traps, file descriptors, functions, or ends the shell. Conservative.
 */
export function changesShellState(list: ShellList): boolean {
  for (const item of list.items) {
    for (const p of item.andOr.pipelines) {
      if (p.commands.length > 1) continue; // pipeline members run in subshells
      const c = p.commands[0];
      switch (c.type) {
        case 'simple': {
          const name = c.words[0]?.value;
          if (!c.words.length && c.assignments.length) return true;
          if (c.words.length && name === undefined) return true; // `$CMD …`: unknown
          if (name !== undefined && STATEFUL.has(name)) return true;
          if (c.words.some((w) => /\$\{[^}]*:?=|\$\(\([^)]*[^=!<>]=[^=]/.test(w.text))) return true;
          break;
        }
        case 'subshell':
          break;
        case 'group':
        case 'if':
        case 'while':
        case 'until':
        case 'case':
          if (c.lists.some(changesShellState)) return true;
          break;
        case 'test':
          if (c.words.some((w) => /\$\{[^}]*:?=/.test(w.text))) return true;
          break;
        default:
          return true; // for/select (loop variable), functions, (( … ))
      }
    }
  }
  return false;
}
