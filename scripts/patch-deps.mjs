#!/usr/bin/env node
// Applies the reviewed patches in patches/ to installed dependencies (npm `prepare`, run by `npm ci` / `npm install` in a checkout), and checks
// that they are applied (`--check`, and scripts/build.mjs before every build).
//
//   patches/<package>+<version>.patch   a unified diff of node_modules/<package>/… (`a/` and `b/`
//                                       prefixes, as `diff -ruN a/node_modules/x b/node_modules/x`
//                                       or `git diff` write it; `patch -p1` applies it too)
//
// A patch is made for exactly one release: when the installed version differs, this fails (npm ci
// stops; the build stops) instead of leaving the library as published or patching code it was not
// written for. To move to a new release: install it unpatched, redo the change, regenerate the diff
// (see patches/README.md), re-run test/core/dockerfile/ast-speed.test.ts.
//
// Applying is idempotent: a file whose patched form is already there is left alone. Uses `diff`
// (jsdiff, already a devDependency) with no fuzz: every context and removed line must match.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePatch, applyPatch, reversePatch } from 'diff';

// (Tests bundle this file as CommonJS, where import.meta.url is empty: they pass the root.)
const SELF = import.meta.url ? fileURLToPath(import.meta.url) : undefined;
const ROOT = SELF ? join(dirname(SELF), '..') : process.cwd();

/** Every patch in patches/: package name, the version it was made for, its per-file diffs. */
export function listPatches(root = ROOT) {
  const dir = join(root, 'patches');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.patch'))
    .sort()
    .map((f) => {
      const m = /^(.+)\+([^+]+)\.patch$/.exec(f);
      if (!m) throw new Error(`patches/${f}: the name must be <package>+<version>.patch (scoped: @scope+name+version.patch)`);
      const name = m[1].replace(/^(@[^+]+)\+/, '$1/');
      const files = parsePatch(readFileSync(join(dir, f), 'utf8')).map((p) => {
        const target = (p.newFileName ?? '').replace(/^b\//, '');
        const prefix = `node_modules/${name}/`;
        if (!target.startsWith(prefix) || target.includes('..')) throw new Error(`patches/${f}: ${p.newFileName} is not a file of node_modules/${name}`);
        return { path: target, diff: p };
      });
      if (!files.length) throw new Error(`patches/${f}: no file diffs in it`);
      return { file: `patches/${f}`, name, version: m[2], files };
    });
}

function installedVersion(root, name) {
  const pkg = join(root, 'node_modules', name, 'package.json');
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
}

/** 'applied' | 'pristine' | 'neither' for one file diff over the text now on disk. */
function stateOf(text, diff) {
  const original = applyPatch(text, reversePatch(diff));
  if (original !== false && applyPatch(original, diff) === text) return 'applied';
  if (applyPatch(text, diff) !== false) return 'pristine';
  return 'neither';
}

/**
 * Problems that make the installed dependencies differ from what the patches were made for and
 * applied to: a version other than the patch's, a file the patch is not applied to. Empty: all good.
 */
export function patchProblems(root = ROOT) {
  const problems = [];
  for (const p of listPatches(root)) {
    const version = installedVersion(root, p.name);
    if (version !== p.version) {
      problems.push(`${p.file} was made for ${p.name}@${p.version}, but ${version === undefined ? 'it is not installed' : `${version} is installed`} (pin "${p.name}": "${p.version}" in package.json, or remake the patch for the new release)`);
      continue;
    }
    for (const f of p.files) {
      const abs = join(root, f.path);
      const state = existsSync(abs) ? stateOf(readFileSync(abs, 'utf8'), f.diff) : 'missing';
      if (state !== 'applied') problems.push(`${p.file}: ${f.path} is ${state === 'pristine' ? 'not patched (run `node scripts/patch-deps.mjs`, or `npm ci` without --ignore-scripts)' : state === 'missing' ? 'missing' : 'neither the published file nor the patched one'}`);
    }
  }
  return problems;
}

/** Applies every patch (idempotent). Throws on a version mismatch or a diff that does not apply. */
export function applyPatches(root = ROOT, log = console.log) {
  for (const p of listPatches(root)) {
    const version = installedVersion(root, p.name);
    if (version !== p.version) throw new Error(`${p.file} was made for ${p.name}@${p.version}, but ${version ?? 'no version'} is installed`);
    let changed = 0;
    for (const f of p.files) {
      const abs = join(root, f.path);
      const text = readFileSync(abs, 'utf8');
      const state = stateOf(text, f.diff);
      if (state === 'applied') continue;
      if (state !== 'pristine') throw new Error(`${p.file}: ${f.path} is neither the published file nor the patched one`);
      writeFileSync(abs, applyPatch(text, f.diff));
      changed++;
    }
    log(`patch-deps: ${p.name}@${p.version}: ${changed ? `patched ${changed} file(s)` : 'already patched'} (${p.file})`);
  }
}

/**
 * A copy of an installed, patched package as published, at `dest` (the patch applied in reverse to
 * a copy; node_modules itself is not touched). For tests comparing the patched library with the
 * original: put `dest` under the project so the copy's own `require`s resolve from node_modules.
 */
export function pristineCopy(name, dest, root = ROOT) {
  const p = listPatches(root).find((x) => x.name === name);
  if (!p) throw new Error(`no patch for ${name}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(join(root, 'node_modules', name), dest, { recursive: true });
  for (const f of p.files) {
    const abs = join(dest, f.path.slice(`node_modules/${name}/`.length));
    const original = applyPatch(readFileSync(abs, 'utf8'), reversePatch(f.diff));
    if (original === false) throw new Error(`${p.file}: ${f.path} does not un-apply`);
    writeFileSync(abs, original);
  }
  return dest;
}

if (SELF && process.argv[1] === SELF) {
  try {
    if (process.argv.includes('--check')) {
      const problems = patchProblems();
      for (const m of problems) console.error(`patch-deps: ${m}`);
      process.exit(problems.length ? 1 : 0);
    }
    applyPatches();
  } catch (e) {
    console.error(`patch-deps: ${e.message}`);
    process.exit(1);
  }
}
