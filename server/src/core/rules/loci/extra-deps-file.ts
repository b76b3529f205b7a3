import { basenameOf } from '../../loci/paths';
import { lociExtraFile } from '../../loci/provider';
import { argEntry } from '../../loci/sources';
import { isStatic, valueWords } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

const PREFIX: Record<string, string> = { EXTRA_BINDEP: 'bindep', EXTRA_PYDEP: 'pydep' };

/**
 * R19: loci copies EXTRA_BINDEP / EXTRA_PYDEP into /opt/loci/ and runs bindep on the globs
 * `/opt/loci/bindep*` and `/opt/loci/pydep*`, so the file name decides whether (and as what) it is read;
 * and bindep failures are swallowed by `|| :`, so a file with syntax errors silently adds nothing.
 */
export const extraDepsFile = lociRule({
  id: 'loci-extra-deps-file',
  category: 'loci',
  defaultSeverity: 'warning',
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'An EXTRA_BINDEP / EXTRA_PYDEP file loci will skip, read as the other kind, or that bindep cannot parse.',
    risk: 'loci reads /opt/loci/bindep* and /opt/loci/pydep*, and ignores bindep failures: a misnamed or malformed file silently adds nothing.',
    fix: 'Name extra files bindep-… / pydep-… and keep them valid bindep syntax.',
  },
  messages: {
    ignored: '{arg} "{file}": its name does not start with "{prefix}", so loci\'s /opt/loci/{prefix}* glob skips it.',
    swapped: '{arg} "{file}": its name starts with "{other}", so loci reads it as a {other} file.',
    syntax: '{arg} "{file}" has {count} bindep syntax error(s) (first on line {line}); bindep rejects it and loci ignores the failure.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    for (const name of ['EXTRA_BINDEP', 'EXTRA_PYDEP']) {
      const e = argEntry(b, name);
      if (!e?.value) continue;
      const prefix = PREFIX[name];
      const other = prefix === 'bindep' ? 'pydep' : 'bindep';
      for (const w of valueWords(e.value)) {
        if (!isStatic(w.token)) continue;
        const base = basenameOf(w.token);
        const range = f.valueRange(e.value, w.start, w.end);
        if (base.startsWith(prefix)) {
          const file = lociExtraFile(f.providers, f.contextDir, w.token, f.path);
          if (file && file.errors.length) {
            report({ range, message: m('syntax', { file: w.token, count: file.errors.length, line: file.errors[0].line + 1 }) });
          }
          continue;
        }
        report({
          range,
          message: base.startsWith(other) ? m('swapped', { arg: name, file: w.token, other }) : m('ignored', { arg: name, file: w.token, prefix }),
        });
      }
    }
  },
});
