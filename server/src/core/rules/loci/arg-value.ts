import { lociArg, MOD_OAUTH2 } from '../../loci/args';
import { lociProjectImage } from '../../loci/images';
import { argEntry, staticText } from '../../loci/sources';
import { valueWords } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

const INTEGER_ARGS = ['UID', 'GID', 'NOVA_TSS_UID', 'NOVA_TSS_GID'];

/**
 * R25: UID / GID / NOVA_TSS_UID / NOVA_TSS_GID must be integers (groupadd -g, useradd -u);
 * R26: SOURCES_DIR other than /tmp breaks data/ overrides and EXTRA_PROJECTS, WHEELS_PATH must be an
 * absolute path outside /tmp; R21: project-specific args (and the `mod_oauth2` switch) set for another
 * PROJECT do nothing; R27: PLUGIN≠no on top of a finished loci image without git in DIST_PACKAGES
 * (git was purged, so the clone fails).
 */
export const argValue = lociRule({
  id: 'loci-arg-value',
  category: 'loci',
  defaultSeverity: 'warning',
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'Build-argument values loci cannot use: UID/GID that are not integers, SOURCES_DIR / WHEELS_PATH misuse, project-specific args for another PROJECT, PLUGIN on a finished image without git.',
    fix: 'Use integer ids, leave SOURCES_DIR at /tmp, keep WHEELS_PATH absolute and outside /tmp, pass project-specific args only to their project, add git to DIST_PACKAGES for plugin builds.',
  },
  messages: {
    notInteger: '{arg} "{value}" is not an integer (groupadd -g / useradd -u need numbers).',
    sourcesDir: 'SOURCES_DIR "{value}" breaks data/ overrides and EXTRA_PROJECTS, which hard-code /tmp.',
    wheelsPathRelative: 'WHEELS_PATH "{value}" must be an absolute path (it is a mount target).',
    wheelsPathTmp: 'WHEELS_PATH "{value}" is under /tmp, which loci forbids (/tmp is emptied during the build).',
    otherProject: '{arg} only matters for PROJECT={only}; for {project} it has no effect.',
    modOauth2: '"mod_oauth2" only switches on keystone\'s oauth2 script; for {project} it has no effect.',
    pluginGit: 'PLUGIN builds on the finished {parent} image, which had git purged; add git to DIST_PACKAGES (or provide the source in data/) or the clone fails.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    for (const name of INTEGER_ARGS) {
      const e = argEntry(b, name);
      const v = staticText(e);
      if (e?.value && v !== undefined && !/^\d+$/.test(v)) report({ range: v === '' ? f.range(e.nameSpan) : f.valueRange(e.value), message: m('notInteger', { arg: name, value: v }) });
    }
    const src = argEntry(b, 'SOURCES_DIR');
    const srcText = staticText(src);
    if (src?.value && srcText !== undefined && srcText.replace(/\/+$/, '') !== '/tmp') {
      report({ range: srcText === '' ? f.range(src.nameSpan) : f.valueRange(src.value), message: m('sourcesDir', { value: srcText }) });
    }
    const wp = argEntry(b, 'WHEELS_PATH');
    const wpText = staticText(wp);
    if (wp?.value && wpText !== undefined) {
      if (!wpText.startsWith('/')) report({ range: wpText === '' ? f.range(wp.nameSpan) : f.valueRange(wp.value), message: m('wheelsPathRelative', { value: wpText }) });
      else if (/^\/tmp(\/|$)/.test(wpText)) report({ range: f.valueRange(wp.value), message: m('wheelsPathTmp', { value: wpText }) });
    }
    if (b.declarations) return;
    const project = f.project;
    if (project !== undefined) {
      for (const e of b.args) {
        const a = lociArg(e.name);
        if (a?.project && a.status === 'active' && a.project !== project) {
          report({ range: f.range(e.nameSpan), severity: 'information', message: m('otherProject', { arg: e.name, project, only: a.project }) });
        }
      }
      const p = f.profilesEntry;
      if (p?.value && project !== MOD_OAUTH2.project) {
        for (const w of f.profileWords) {
          if (w.token.includes(MOD_OAUTH2.token)) {
            report({ range: f.valueRange(p.value, w.start, w.end), severity: 'information', message: m('modOauth2', { project }) });
          }
        }
      }
    }
    // R27: PLUGIN on top of a finished loci image needs git back.
    const plugin = argEntry(b, 'PLUGIN');
    const pluginText = staticText(plugin);
    if (plugin?.value && pluginText !== undefined && pluginText !== 'no' && f.fromRef) {
      const parent = lociProjectImage(f.fromRef);
      const dist = argEntry(b, 'DIST_PACKAGES');
      const hasGit = dist?.value ? valueWords(dist.value).some((w) => w.token === 'git') : false;
      if (parent && !hasGit && !(dist?.value && dist.value.text.includes('\uE000'))) {
        report({ range: f.valueRange(plugin.value), severity: 'information', message: m('pluginGit', { parent }) });
      }
    }
  },
});
