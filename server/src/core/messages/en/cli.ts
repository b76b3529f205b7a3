/** Command-line output. */
export const cli: Record<string, string> = {
  'cli.summary': '{files} files, {errors} errors, {warnings} warnings, {infos} infos',
  'cli.noProblems': '{files} files, no problems',
  'cli.error.unreadable': 'cannot read {path}: {reason}',
  'cli.error.usage': 'usage error: {detail}',
  'cli.error.unknownOption': 'unknown option {option}',
  'cli.error.missingValue': 'option {option} needs a value',
  'cli.error.badValue': 'invalid value "{value}" for {option} (expected {expected})',
  'cli.error.unknownCommand': 'unknown command "{command}"',
  'cli.fix.changed': '{path}: applied {count} fixes',
  'cli.fix.none': 'no fixable findings',
  'cli.help': 'Usage: dockyard <lint|fix|scaffold> [options] [paths...]\n\n  lint      report findings (--format text|json|sarif, --pss, --k8s-version, --config, --fail-on, --lang)\n  fix       apply safe quick fixes in place (--rule ID, --dry-run)\n  scaffold  generate loci builds and Kubernetes manifests (image|manifests <cinder|glance>)\n\nRun "dockyard <command> --help" for details.',
  'cli.version': 'dockyard {version}',
};
