/** Command-line output. */
export const cli: Record<string, string> = {
  'cli.summary': '{files, plural, one {# file} other {# files}}, {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}, {infos, plural, one {# info} other {# infos}}',
  'cli.noProblems': '{files, plural, one {# file} other {# files}}, no problems',
  'cli.error.unreadable': 'cannot read {path}: {reason}',
  'cli.error.usage': 'usage error: {detail}',
  'cli.error.unknownOption': 'unknown option {option}',
  'cli.error.missingValue': 'option {option} needs a value',
  'cli.error.badValue': 'invalid value "{value}" for {option} (expected {expected})',
  'cli.error.unknownCommand': 'unknown command "{command}"',
  'cli.fix.changed': '{path}: applied {count, plural, one {# fix} other {# fixes}}',
  'cli.fix.none': 'no fixable findings',
  'cli.fix.notUtf8': '{path}: not valid UTF-8, left as it is',
  'cli.fix.reviewLeft': '{count, plural, one {# fix needs} other {# fixes need}} review and {count, plural, one {was} other {were}} not applied (--unsafe applies them)',
  'cli.fix.help': 'Usage: dockyard fix [options] [paths...]\n\nApplies in place the safe fixes: exactly the edits the editor\'s "Fix all" (source.fixAll.dockyard) makes. Repeats (apply, lint again) until nothing more applies. Keeps every byte it does not change.\n\n  --unsafe           also apply the review fixes (they remove access or may stop a workload working:\n                     hostPath -> emptyDir, dropping host namespaces, a literal secret -> secretKeyRef, ...)\n  --rule ID          only fixes of this rule (repeatable)\n  --dry-run          print the unified diff instead of writing\n  --pss, --k8s-version, --config, --fail-on, --lang   as for lint\n\ndocs/rules.md lists the tier of every rule\'s fixes.',
  'cli.lint.help': 'Usage: dockyard lint [options] [paths...]\n\n  --format text|json|sarif   output (default text)\n  --pss baseline|restricted  Pod Security Standards level (default restricted)\n  --k8s-version X.Y          schema version (default: the newest bundled)\n  --config FILE              default: .dockyard.yaml found upward from each file\n  --fail-on error|warning|information|never   exit 1 at or above it (default error)\n  --lang en|zh-cn            language of messages',
  'cli.help': 'Usage: dockyard <lint|fix|scaffold> [options] [paths...]\n\n  lint      report findings (--format text|json|sarif, --pss, --k8s-version, --config, --fail-on, --lang)\n  fix       apply the safe fixes in place, as the editor\'s fix-all does (--unsafe, --rule ID, --dry-run)\n  scaffold  generate loci builds and Kubernetes manifests (image|manifests <cinder|glance>)\n\nRun "dockyard <command> --help" for details.',
  'cli.version': 'dockyard {version}',
};
