/**
 * What package.json contributes besides settings (command titles and category, the extension's
 * name and description, workspace-trust texts). package.json names these ids as `%id%`;
 * `npm run docs` writes package.nls.json and package.nls.zh-cn.json from the catalogs.
 */
export const manifest: Record<string, string> = {
  'manifest.displayName': 'Dockyard — Kubernetes, Dockerfile & loci linting',
  'manifest.description': 'Offline Kubernetes schema validation, Pod Security lint with quick fixes, Dockerfile layer hints and OpenStack loci profile diagnostics, as you type.',
  'manifest.category': 'Dockyard',
  'manifest.configuration.title': 'Dockyard',
  'manifest.command.lintWorkspace': 'Lint workspace',
  'manifest.command.restartServer': 'Restart server',
  'manifest.command.showRuleDocs': 'Show rule documentation',
  'manifest.command.showOutput': 'Show output',
  'manifest.command.scaffoldImage': 'Scaffold loci Image Build…',
  'manifest.command.scaffoldManifests': 'Scaffold Kubernetes Manifests…',
  'manifest.untrustedWorkspaces': 'Dockyard only reads files: it runs no workspace code, tasks or binaries, so it works the same in Restricted Mode.',
  'manifest.virtualWorkspaces': 'Lint workspace and .dockyard.yaml lookup need files on disk; open documents are analysed everywhere.',
};
