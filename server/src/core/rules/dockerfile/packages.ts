import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model/dockerfile';
import { runShell, type RunShell } from '../../model/dockerfile-run';
import type { Fix } from '../../types';
import { baseName, fit, simpleCommands, unwrapCommand, type ShellWord, type SimpleCommand } from '../../util/shell';
import { continuationStyle, flagsOf, runInstructions } from './util';

/**
 * Package-manager commands in RUN, read once per document version and shared by the package rules
 * (pinning, prompts, caches, cleanup): which manager, which subcommand, its options and its
 * operands (the packages), with option arguments (`-o X`, `--virtual .deps`) told apart from
 * packages. Looks through `sudo`/`env` wrappers and `python -m pip`.
 */
export type Manager = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go';

export interface PackageCommand {
  cmd: SimpleCommand;
  manager: Manager;
  /** The word naming the manager (`apt-get`, `pip3`, or `python3` of `python3 -m pip`). */
  name: ShellWord;
  /** How messages name the command (`apt-get`, `python3 -m pip`). */
  label: string;
  /** The subcommand word (`install`), if any. */
  verb?: ShellWord;
  /** The subcommand lower-cased (`install`, `add`, `update` …; '' when there is none). */
  action: string;
  /** Option words (`-y`, `--no-cache`, `--virtual=x`), before and after the subcommand. */
  options: ShellWord[];
  /** Non-option words after the subcommand (packages), option arguments excluded. */
  operands: ShellWord[];
  /** Whether a word could not be read statically (`$PKGS`): judgments that need every word skip it. */
  dynamic: boolean;
}

export interface PackageRun {
  ins: Instruction;
  onbuild: boolean;
  run: RunShell;
  /** Every simple command of the RUN, in source order. */
  commands: SimpleCommand[];
  packages: PackageCommand[];
}

/** Options that take the next word as their value, per manager family. */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  apt: new Set(['-o', '-c', '-t', '--target-release', '--option', '--config-file', '--default-release']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--keys-dir', '--arch', '-t', '--virtual', '--cache-dir', '--repositories-file', '--cache-max-age']),
  rpm: new Set(['-c', '--config', '-x', '--exclude', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--repo', '--repoid', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel', '--nodocs-x', '--forcearch', '--downloaddir', '--destdir', '--color', '--config-file']),
  zypper: new Set(['-r', '--repo', '-t', '--type', '--from', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-c', '--config']),
  pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--log', '--cache-dir', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '--exists-action', '--global-option', '--install-option', '-C', '--config-settings', '--no-binary', '--only-binary', '--report', '--python', '--root-user-action']),
  npm: new Set(['--prefix', '--registry', '--cache', '-w', '--workspace', '--tag', '--userconfig', '--loglevel', '--omit', '--include']),
  yarn: new Set(['--cwd', '--cache-folder', '--modules-folder', '--global-folder', '--network-timeout', '--mutex', '--registry']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '--document', '-g', '--file']),
  go: new Set(['-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-overlay', '-pgo', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-pkgdir', '-toolexec', '-C']),
};
const FAMILY: Record<Manager, string> = {
  'apt-get': 'apt', apt: 'apt', aptitude: 'apt', apk: 'apk', dnf: 'rpm', yum: 'rpm', microdnf: 'rpm', zypper: 'zypper', pip: 'pip', npm: 'npm', yarn: 'yarn', gem: 'gem', go: 'go',
};

/** The manager a command name stands for (`pip3.12` → pip, `/usr/bin/apt-get` → apt-get). */
function managerOf(name: string | undefined): Manager | undefined {
  if (!name) return undefined;
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return 'pip';
  if (name === 'dnf5' || name === 'dnf4') return 'dnf';
  switch (name) {
    case 'apt-get': case 'apt': case 'aptitude': case 'apk': case 'dnf': case 'yum': case 'microdnf': case 'zypper': case 'npm': case 'yarn': case 'gem': case 'go':
      return name;
  }
  return undefined;
}

/** Reads one simple command as a package-manager call, or undefined. */
export function readPackageCommand(cmd: SimpleCommand): PackageCommand | undefined {
  const ws = cmd.words;
  let i = unwrapCommand(cmd);
  const nameWord = ws[i];
  if (!nameWord) return undefined;
  const base = baseName(nameWord.value);
  let manager = managerOf(base);
  let label = nameWord.value!;
  if (!manager && base && /^python(\d+(\.\d+)?)?$/.test(base) && ws[i + 1]?.value === '-m' && managerOf(ws[i + 2]?.value) === 'pip') {
    manager = 'pip';
    label = `${nameWord.value} -m ${ws[i + 2].value}`;
    i += 2;
  }
  if (!manager) return undefined;
  const valueOptions = VALUE_OPTIONS[FAMILY[manager]];
  const options: ShellWord[] = [];
  const operands: ShellWord[] = [];
  let verb: ShellWord | undefined;
  let dynamic = false;
  let afterDashes = false;
  for (let k = i + 1; k < ws.length; k++) {
    const w = ws[k];
    const v = w.value;
    if (v === undefined) {
      dynamic = true;
      if (verb) operands.push(w);
      continue;
    }
    if (!afterDashes && v === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && v.startsWith('-') && v.length > 1) {
      options.push(w);
      if (!v.includes('=') && valueOptions.has(v)) k++;
      continue;
    }
    if (!verb) verb = w;
    else operands.push(w);
  }
  // Exact-size arrays: the memo holds one per package command of every RUN (a pushed array keeps 16 spare slots).
  return { cmd, manager, name: nameWord, label, verb, action: (verb?.value ?? '').toLowerCase(), options: fit(options), operands: fit(operands), dynamic };
}

/** Every RUN (ONBUILD triggers included) with its package-manager commands; memoized per version. */
export function packageRuns(model: DockerfileModel): PackageRun[] {
  return model.memoize('rules:packageRuns', () => {
    const out: PackageRun[] = [];
    for (const { ins, onbuild } of runInstructions(model)) {
      const run = runShell(model, ins);
      if (!run.script) continue;
      const commands = simpleCommands(run.script.list);
      const packages: PackageCommand[] = [];
      for (const c of commands) {
        const p = readPackageCommand(c);
        if (p) packages.push(p);
      }
      if (packages.length) out.push({ ins, onbuild, run, commands: fit(commands), packages: fit(packages) });
    }
    return out;
  });
}

/** Whether one of the options is given (`-y`), also inside a cluster of short options (`-qy`) when `short`. */
export function hasOption(p: PackageCommand, names: string[], short?: string): boolean {
  for (const o of p.options) {
    const v = o.value!;
    const bare = v.includes('=') ? v.slice(0, v.indexOf('=')) : v;
    if (names.includes(v) || names.includes(bare)) return true;
    if (short && /^-[A-Za-z]+$/.test(v) && v.includes(short)) return true;
  }
  return false;
}

/** `RUN --mount=type=cache|tmpfs,target=<dir>` over one of the given directories (or a parent of one). */
export function mountsCacheOver(ins: Instruction, dirs: string[]): boolean {
  for (const f of flagsOf(ins)) {
    if (f.getName() !== 'mount') continue;
    const opts = new Map<string, string>();
    for (const part of (f.getValue() ?? '').split(',')) {
      const eq = part.indexOf('=');
      opts.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
    }
    const type = opts.get('type');
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = (opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? '').replace(/\/+$/, '');
    if (target && dirs.some((d) => d === target || d.startsWith(target + '/'))) return true;
  }
  return false;
}

/** A fix that inserts `text` (e.g. ` --no-cache`) right after a word of the script. */
export function insertAfterWord(model: DockerfileModel, run: RunShell, word: ShellWord, text: string, title: Fix['title'], fixAll = false): Fix {
  const at = model.lines.positionAt(run.offset(word.end, true));
  return { title, edits: [{ range: { start: at, end: at }, newText: text }], ...(fixAll ? { tier: 'safe' } : {}) };
}

/**
 * A fix that appends `&& <command>` after the whole script, in the file's continuation style, when
 * the RUN is one plain shell command list (the rule then offers nothing otherwise). `&&` after the
 * whole script keeps its behaviour: the command runs only when everything before it succeeded.
 */
export function appendCommandFix(model: DockerfileModel, run: RunShell, command: string, title: Fix['title'], fixAll = false): Fix[] {
  const script = run.script;
  if (!script) return [];
  const list = script.list;
  const tail = script.text.slice(list.end).replace(/^\s*;?\s*/, '');
  if (run.form !== 'shell' || script.errors.length || tail || script.text.includes('\n') || !list.items.length) return [];
  const last = list.items[list.items.length - 1];
  if (last.separator?.op === '&') return [];
  const at = run.offset(list.end, true);
  const multiLine = model.lines.positionAt(run.start).line !== model.lines.positionAt(run.end).line;
  const esc = model.escapeChar;
  const eol = model.lines.eol;
  let newText = ` && ${command}`;
  if (multiLine) {
    const style = continuationStyle(model);
    newText = style.leading ? ` ${esc}${eol}${style.indent}&& ${command}` : ` && ${esc}${eol}${style.indent}${command}`;
  }
  const pos = model.lines.positionAt(at);
  return [{ title, edits: [{ range: { start: pos, end: pos }, newText }], ...(fixAll ? { tier: 'safe' } : {}) }];
}

/** The range of a run of words (first to last). */
export function wordsSpan(words: ShellWord[]): { start: number; end: number } {
  return { start: words[0].start, end: words[words.length - 1].end };
}

/** Distro package managers (the base image's release pins their versions loosely). */
export const OS_MANAGERS: ReadonlySet<Manager> = new Set<Manager>(['apt-get', 'apt', 'aptitude', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);

const INSTALL_ACTIONS: Partial<Record<Manager, ReadonlySet<string>>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  aptitude: new Set(['install']),
  apk: new Set(['add']),
  dnf: new Set(['install']),
  yum: new Set(['install']),
  microdnf: new Set(['install']),
  zypper: new Set(['install', 'in']),
  pip: new Set(['install']),
  npm: new Set(['install', 'i', 'add', 'isntall', 'in']),
  gem: new Set(['install', 'i']),
  go: new Set(['install']),
};

/** Whether the command installs packages (`apt-get install`, `apk add`, `pip install` …). */
export function isInstall(p: PackageCommand): boolean {
  return !!INSTALL_ACTIONS[p.manager]?.has(p.action);
}

/** How a pinned package is written, per manager (for messages). */
export const PIN_EXAMPLE: Record<Manager, string> = {
  'apt-get': '<package>=<version>', apt: '<package>=<version>', aptitude: '<package>=<version>', apk: '<package>=<version>',
  dnf: '<package>-<version>', yum: '<package>-<version>', microdnf: '<package>-<version>', zypper: '<package>=<version>',
  pip: '<package>==<version>', npm: '<package>@<version>', yarn: '<package>@<version>', gem: '<package>:<version>', go: '<module>@v<version>',
};

/**
 * The packages an install command names without a version (hadolint's DL3008, DL3018, DL3033,
 * DL3037, DL3041, DL3013, DL3016, DL3028 judgments): local files, URLs and paths are not packages
 * to pin, and a requirements/constraints file (`pip -r`, `-c`) or `gem -v` pins them all.
 */
export function unpinnedPackages(p: PackageCommand): ShellWord[] {
  // `dnf module install nodejs` installs a module stream: pinned by `name:stream` (hadolint DL3033/DL3041).
  if ((p.manager === 'dnf' || p.manager === 'yum' || p.manager === 'microdnf') && p.action === 'module' && p.operands[0]?.value === 'install' && !p.dynamic) {
    return p.operands.slice(1).filter((w) => !w.value!.includes(':') && !w.value!.startsWith('@'));
  }
  if (!isInstall(p) || p.dynamic) return [];
  const ops = p.operands;
  switch (p.manager) {
    case 'apt-get': case 'apt': case 'aptitude':
      return ops.filter((w) => !/[=/]/.test(w.value!) && !w.value!.endsWith('.deb'));
    case 'apk':
      return ops.filter((w) => !/[=~<>/]/.test(w.value!) && !w.value!.endsWith('.apk'));
    case 'dnf': case 'yum': case 'microdnf':
      return ops.filter((w) => !/-\d|[/@:=<>]|\.rpm$/.test(w.value!));
    case 'zypper':
      return ops.filter((w) => !/[=<>/]|\.rpm$/.test(w.value!));
    case 'pip':
      if (hasOption(p, ['-r', '--requirement', '-c', '--constraint', '-e', '--editable'])) return [];
      return ops.filter((w) => {
        const v = w.value!;
        // A VCS URL is pinned by `@<ref>` after the repository (`git+https://host/repo.git@v1.2#egg=x`).
        if (/^(git|hg|svn|bzr)\+/.test(v)) return !v.replace(/^[a-z]+\+[a-z]+:\/\/[^/]*/, '').split('#')[0].includes('@');
        return !/[=<>~!@/]|^[.~]|:\/\/|\.(whl|zip|tar\.gz|tgz)$/.test(v);
      });
    case 'npm':
      return ops.filter((w) => {
        const v = w.value!;
        // A git URL is pinned by `#<commit-ish>`; other URLs, paths and tarballs need no pin.
        if (/^(git\+|git:)/.test(v)) return !v.includes('#');
        if (/^[./~]|:\/\/|^(github:|file:)|\.(tgz|tar|tar\.gz)$/.test(v)) return false;
        const at = v.lastIndexOf('@');
        return at <= 0 || /^(latest|next)$/.test(v.slice(at + 1));
      });
    case 'yarn':
      // Pinning of yarn add is not judged (hadolint has no such check); yarn.lock pins installs.
      return [];
    case 'gem':
      if (hasOption(p, ['-v', '--version'])) return [];
      return gemOperands(p).filter((w) => !w.value!.includes(':') && !w.value!.endsWith('.gem'));
    case 'go':
      return ops.filter((w) => /@(latest|master|main|HEAD)$/.test(w.value!));
  }
}

/**
 * The gems `gem install` names, read as gem (and hadolint's DL3028) reads them: the words after the
 * verb up to `--` (build flags follow it), an option taking the word after it.
 */
function gemOperands(p: PackageCommand): ShellWord[] {
  const words = p.cmd.words;
  const out: ShellWord[] = [];
  let i = words.indexOf(p.verb!) + 1;
  if (i <= 0) return p.operands;
  for (; i < words.length; i++) {
    const v = words[i].value;
    if (v === undefined || v === '--') break;
    if (v.startsWith('-')) {
      if (!v.includes('=')) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}
