import { argEntry } from '../../loci/sources';
import { isStatic } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

/** Values that read as true and act as true. */
const TRUTHY: ReadonlySet<string> = new Set(['True', 'true', 'TRUE', 'yes', 'Yes', 'YES', 'y', 'Y', '1', 'on', 'On', 'ON']);
/** Values that read as false but act as true (only the exact string `False` is false). */
const FALSE_LOOKING = /^\s*(false|no|n|0|off|none|f)\s*$/i;

/**
 * R14: requirements.sh tests `== "False"` and project.sh `!= "False"`: only the exact string `False`
 * means false. `false`, `no`, `0`, ` False`, an empty value, and an unquoted `False` in a compose
 * `args:` map (YAML makes it a boolean, compose passes `false`) all keep every wheel and install with
 * `--no-index`.
 */
export const keepAllWheels = lociRule({
  id: 'loci-keep-all-wheels',
  category: 'loci',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'A KEEP_ALL_WHEELS value that does not mean what it says: only the exact string False means false.',
    risk: 'requirements.sh tests == "False" and project.sh != "False": false, no, 0, an empty value or an unquoted YAML False all keep every wheel and install with --no-index.',
    fix: 'Write False (quoted in YAML) to turn it off, or True / yes to turn it on.',
  },
  messages: {
    actsTrue: 'KEEP_ALL_WHEELS "{value}" acts as TRUE: only the exact string "False" means false.',
    empty: 'An empty KEEP_ALL_WHEELS acts as TRUE: only the exact string "False" means false.',
    yamlBoolean: 'YAML reads {value} as a boolean and compose passes "false", which loci treats as TRUE; quote it: "False".',
    unclear: 'KEEP_ALL_WHEELS "{value}" acts as true (only "False" means false); write True or False.',
    fixTitle: 'Use "False"',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    const e = argEntry(b, 'KEEP_ALL_WHEELS');
    if (!e?.value || !isStatic(e.value)) return;
    const v = e.value.text;
    if (v === 'False' || TRUTHY.has(v)) return;
    const range = v === '' ? f.range(e.nameSpan) : f.valueRange(e.value);
    const source = b.lines.text.slice(e.value.start, e.value.end);
    const yamlBoolean = e.yamlPlain === true && /^(false|False|FALSE)$/.test(source);
    if (yamlBoolean || FALSE_LOOKING.test(v) || v.trim() === 'False' || v === '') {
      const newText = e.yamlPlain ? '"False"' : 'False';
      const editRange = v === '' ? f.range({ start: e.value.start, end: e.value.end }) : f.valueRange(e.value);
      report({
        range,
        message: yamlBoolean ? m('yamlBoolean', { value: source }) : v === '' ? m('empty') : m('actsTrue', { value: v }),
        fixes: [{ title: m('fixTitle'), edits: [{ range: yamlBoolean ? f.range({ start: e.value.start, end: e.value.end }) : editRange, newText }] }],
      });
      return;
    }
    report({ range, message: m('unclear', { value: v }) });
  },
});
