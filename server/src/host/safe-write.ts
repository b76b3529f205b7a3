import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writing files a stranger's repository could have prepared (issue #12): never through a symbolic
 * link, never outside the folder the write is for, never a half-written file, never a changed mode.
 *
 * - The target and every folder between the root and it are checked with lstat: a symbolic link
 *   anywhere on the way is refused (a repository can hold `out/Dockerfile -> /etc/cron.d/x`).
 * - The parent folder's real path must lie inside the root's real path.
 * - The content goes to a temporary file created exclusively (O_EXCL, so never through a link) in
 *   the same folder, then renamed over the target: readers see the old or the new file, whole.
 * - An existing file keeps its permission bits; a new one gets `mode` (0644, or 0755 for scripts).
 */
export class UnsafeWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'symlink' | 'outside' | 'not-a-file' | 'not-a-folder',
  ) {
    super(`${path}: ${reason}`);
  }
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return abs;
      rest.push(path.basename(cur));
      cur = up;
    }
  }
}

export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/** Refuses symbolic links on the way from `root` (exclusive) to `p` (inclusive). */
function checkPath(root: string, p: string): void {
  const rel = path.relative(root, p);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UnsafeWriteError(p, 'outside');
  let cur = root;
  for (const part of rel.split(path.sep).filter(Boolean)) {
    cur = path.join(cur, part);
    const st = lstat(cur);
    if (!st) return;
    if (st.isSymbolicLink()) throw new UnsafeWriteError(cur, 'symlink');
  }
}

/** Creates `dir` and its missing parents below `root`, refusing symbolic links on the way. */
export function safeMkdir(root: string, dir: string): void {
  const absRoot = path.resolve(root);
  const abs = path.resolve(dir);
  checkPath(absRoot, abs);
  const rel = path.relative(absRoot, abs);
  let cur = absRoot;
  for (const part of rel.split(path.sep).filter(Boolean)) {
    cur = path.join(cur, part);
    const st = lstat(cur);
    if (!st) fs.mkdirSync(cur);
    else if (st.isSymbolicLink()) throw new UnsafeWriteError(cur, 'symlink');
    else if (!st.isDirectory()) throw new UnsafeWriteError(cur, 'not-a-folder');
  }
}

/** Whether anything (a file, a folder, a link — even a dangling one) is at `p`. */
export function entryExists(p: string): boolean {
  return lstat(p) !== undefined;
}

/**
 * Writes `content` to `file` below `root` atomically. Returns whether the file is new. Throws
 * UnsafeWriteError for a link on the way, a target outside the root, or a target that is not a file.
 */
export function safeWriteFile(root: string, file: string, content: string | Uint8Array, mode = 0o644): { created: boolean } {
  const absRoot = path.resolve(root);
  const abs = path.resolve(file);
  checkPath(absRoot, abs);
  const dir = path.dirname(abs);
  if (!isInside(realPathOf(absRoot), realPathOf(dir))) throw new UnsafeWriteError(abs, 'outside');
  const st = lstat(abs);
  if (st && !st.isFile()) throw new UnsafeWriteError(abs, st.isSymbolicLink() ? 'symlink' : 'not-a-file');
  const tmp = path.join(dir, `.${path.basename(abs)}.dockyard-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, st ? st.mode & 0o7777 : mode);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    // The mode given at creation is filtered by the umask: set it exactly (an existing file's bits).
    fs.fchmodSync(fd, st ? st.mode & 0o7777 : mode & ~currentUmask());
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { created: !st };
}

function currentUmask(): number {
  // process.umask() without an argument is deprecated but still the only read; 0o022 when absent.
  try {
    return process.umask();
  } catch {
    return 0o022;
  }
}
