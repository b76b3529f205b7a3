import * as fs from 'node:fs';
import * as path from 'node:path';
import { isBindepName, isDockerfileName, isJsonName, isShellName, isYamlName, looksLikeJsonManifest } from '../core/model/detect';
import { compilePattern, type CompiledPattern } from '../core/util/patterns';

/**
 * File access shared by the CLI and the language server (never by the pure core): reading text
 * safely, walking folders the way `dockyard lint` does, finding the config file.
 */
export interface ReadResult {
  text: string;
  /** The file was not valid UTF-8 and was decoded as Latin-1. */
  notUtf8?: boolean;
  /** The file started with a UTF-8 byte order mark (not part of `text`; a rewrite puts it back). */
  bom?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readText(p: string): ReadResult {
  const buf = fs.readFileSync(p);
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  const body = buf.subarray(start);
  try {
    return start ? { text: utf8.decode(body), bom: true } : { text: utf8.decode(body) };
  } catch {
    return { text: body.toString('latin1'), notUtf8: true };
  }
}

/**
 * Whether a path is a file Dockyard analyses (by name; shell scripts also by shebang; `.json` files
 * when their first 4 KB look like a Kubernetes manifest).
 */
export function isAnalysable(p: string, firstBytes?: (bytes?: number) => string): boolean {
  if (isDockerfileName(p) || isYamlName(p) || isBindepName(p)) return true;
  if (/\.(sh|bash)$/i.test(p)) return true;
  if (isJsonName(p)) {
    try {
      return !!firstBytes && looksLikeJsonManifest(firstBytes(4096));
    } catch {
      return false;
    }
  }
  if (!path.extname(p) && firstBytes) {
    try {
      return isShellName(p, firstBytes());
    } catch {
      return false;
    }
  }
  return false;
}

const ALWAYS_SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.e2e']);

interface IgnoreRule {
  base: string;
  /** The pattern as a regular expression source, matched by RE2 (linear time: .gitignore files are repository input). */
  source: string;
  re: CompiledPattern;
  /** A text every matching path contains (the longest run of the pattern without `*` or `?`): paths without it are skipped before the RE2 test. */
  literal: string;
  negate: boolean;
  dirOnly: boolean;
}

/** A small .gitignore implementation (patterns, `!`, `/` anchoring, `**`, trailing `/`). */
export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    line = line.replace(/\s+$/, '');
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    let re = '';
    // The longest run of characters the pattern matches literally (between wildcards).
    let literal = '';
    let run = '';
    const endRun = () => {
      if (run.length > literal.length) literal = run;
      run = '';
    };
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '*') {
        endRun();
        if (line[i + 1] === '*') {
          re += '.*';
          i++;
          if (line[i + 1] === '/') i++;
        } else re += '[^/]*';
      } else if (c === '?') {
        endRun();
        re += '[^/]';
      } else {
        re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        run += c;
      }
    }
    endRun();
    const source = anchored ? `^${re}(/.*)?$` : `(^|/)${re}(/.*)?$`;
    const compiled = compilePattern(source);
    if ('test' in compiled) rules.push({ base, source, re: compiled, literal, negate, dirOnly });
  }
  return rules;
}

/** `abs` relative to `base`, with `/` separators (the walk joins paths under each rule's folder: a prefix cut; else path.relative). */
function relativeTo(base: string, abs: string): string {
  const rel = abs.length > base.length + 1 && abs.startsWith(base) && abs[base.length] === path.sep ? abs.slice(base.length + 1) : path.relative(base, abs);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function ignored(rules: IgnoreRule[], abs: string, isDir: boolean): boolean {
  let result = false;
  for (const r of rules) {
    const rel = relativeTo(r.base, abs);
    if (rel.startsWith('..')) continue;
    if (r.dirOnly && !isDir && !r.source.includes('(/.*)')) continue;
    if (!rel.includes(r.literal)) continue;
    if (r.re.test(rel)) result = !r.negate;
  }
  return result;
}

/** Walk folders: `.gitignore`d paths and node_modules skipped, symlinks not followed. */
export function walk(root: string, onFile: (p: string) => void, limit = 200_000): void {
  let count = 0;
  const visit = (dir: string, rules: IgnoreRule[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    let local = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        local = rules.concat(parseGitignore(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), dir));
      } catch {
        /* unreadable .gitignore: ignore it */
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (count >= limit) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (ALWAYS_SKIP.has(e.name) || ignored(local, p, true)) continue;
        visit(p, local);
      } else if (e.isFile()) {
        if (ignored(local, p, false)) continue;
        if (isAnalysable(p, (bytes) => readHead(p, bytes))) {
          count++;
          onFile(p);
        }
      }
    }
  };
  visit(root, []);
}

function readHead(p: string, bytes = 128): string {
  const fd = fs.openSync(p, 'r');
  try {
    const b = Buffer.alloc(bytes);
    const n = fs.readSync(fd, b, 0, bytes, 0);
    return b.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether a YAML file sits under a Helm chart's templates/, directly or in a folder below it
 * (bitnami's `templates/primary/`): the nearest `templates` folder above it has a Chart.yaml beside it.
 */
export function isUnderChartTemplates(p: string): boolean {
  let dir = path.dirname(p);
  for (let guard = 0; guard < 32; guard++) {
    if (path.basename(dir) === 'templates') return fs.existsSync(path.join(path.dirname(dir), 'Chart.yaml'));
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
  return false;
}
