/**
 * Path helpers for the pure core (no node:path): POSIX and Windows separators, `file://` URIs left to
 * the host. Enough to locate a loci checkout next to the file being analysed.
 */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

function sep(p: string): string {
  return /^[A-Za-z]:\\/.test(p) || (p.includes('\\') && !p.includes('/')) ? '\\' : '/';
}

export function dirnameOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0];
  if (/^[A-Za-z]:[\\/]$/.test(p.slice(0, i + 1)) && i === 2) return p.slice(0, 3);
  return p.slice(0, i);
}

export function basenameOf(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

/** Join and normalise `.` / `..` segments; an absolute `rel` wins. */
export function joinPath(base: string, rel: string): string {
  if (isAbsolutePath(rel)) return normalizePath(rel);
  const s = sep(base);
  return normalizePath(base.replace(/[\\/]+$/, '') + s + rel);
}

export function normalizePath(p: string): string {
  const s = sep(p);
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? '';
  const rest = p.slice(drive.length);
  const abs = rest.startsWith('/') || rest.startsWith('\\');
  const out: string[] = [];
  for (const part of rest.split(/[\\/]+/)) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join(s);
  return drive + (abs ? s : '') + body || (abs ? drive + s : '.');
}
