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
  'cli.help': 'Usage: dockyard <lint|fix|scaffold> [options] [paths...]\n\n  lint      report findings (--format text|json|sarif, --pss, --k8s-version, --config, --fail-on, --lang)\n  fix       apply safe quick fixes in place (--rule ID, --dry-run)\n  scaffold  generate loci builds and Kubernetes manifests (image|manifests <cinder|glance>)\n\nRun "dockyard <command> --help" for details.',
  'cli.version': 'dockyard {version}',
};
