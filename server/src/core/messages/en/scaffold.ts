/** Messages of the scaffold area. Ids: `rule.<rule-id>.*` for rules, `scaffold.*` for the rest. */
export const scaffold: Record<string, string> = {
  // Option checks (generators, CLI, editor commands).
  'scaffold.option.unknownService': 'unknown service "{value}" (expected cinder or glance)',
  'scaffold.option.badRelease': 'release "{value}" is neither master nor a release name such as 2025.2',
  'scaffold.option.badCodename': 'Ubuntu codename "{value}" is not one loci supports ({allowed})',
  'scaffold.option.badRegistry': 'registry "{value}" is not HOST[:PORT][/NAMESPACE] (lower-case image path components)',
  'scaffold.option.badImage': 'image "{value}" is not a valid image reference',
  'scaffold.option.unpinnedImage': 'image "{value}" has no tag or uses latest; give a pinned tag or a digest',
  'scaffold.option.baseCodename': 'base image "{value}" looks like Ubuntu {found}, but the codename is {codename}',
  'scaffold.option.badNamespace': 'namespace "{value}" is not a valid Kubernetes namespace name (lower-case letters, digits and "-", at most 63)',
  'scaffold.option.badReplicas': 'replicas "{value}" must be a whole number from 1 to {max}',
  'scaffold.option.badBackend': 'backend "{value}" is not available for {service} (use {allowed})',
  'scaffold.option.badPath': 'loci path "{value}" must be a path without quotes, "$", "`", "\\", "#" or line breaks',
  'scaffold.option.profileUnmatchable': 'profile "{value}" can never match: PROFILES are space-separated tokens of lower-case letters, digits, ":", "." and "-"',
  'scaffold.option.profileUnknown': 'profile "{value}" is not defined in loci\'s bindep.txt or pydep.txt',
  'scaffold.option.profileUnknownSuggest': 'profile "{value}" is not defined in loci\'s bindep.txt or pydep.txt; did you mean "{suggestion}"?',
  'scaffold.option.profileNoEffect': 'profile "{value}" adds nothing for {service} (profiles that do: {profiles})',
  // dockyard scaffold (CLI)
  'scaffold.cli.help':
    'Usage:\n' +
    '  dockyard scaffold image <cinder|glance> [--out DIR] [--release 2025.2] [--codename noble|jammy]\n' +
    '        [--profiles "fluent ceph qemu"] [--registry HOST/NS] [--base IMAGE] [--loci-path DIR] [--force]\n' +
    '      The loci build: docker-compose.build.yaml, build-<service>.sh, a site Dockerfile and a README.\n' +
    '      Defaults: the newest release, noble, the profiles that matter for the service, quay.io/airshipit,\n' +
    '      base ubuntu:<codename>, loci checkout ./loci, folder <service>-image.\n' +
    '  dockyard scaffold manifests <cinder|glance> [--out DIR] [--namespace openstack] [--image IMAGE]\n' +
    '        [--backend ceph|lvm|file] [--replicas N] [--force]\n' +
    '      Kubernetes manifests (cinder: api, scheduler, volume, backup; glance: api) that pass dockyard lint.\n' +
    '      Defaults: backend ceph, namespace openstack, the image the image scaffold builds, 1 replica,\n' +
    '      folder <service>-manifests.\n\n' +
    'Existing files are never overwritten without --force (nothing is written then).',
  'scaffold.cli.error': 'dockyard scaffold: {detail}',
  'scaffold.cli.usageHint': 'Run "dockyard scaffold --help" for the options.',
  'scaffold.cli.missingKind': 'say what to scaffold: image or manifests',
  'scaffold.cli.unknownKind': 'unknown scaffold "{value}" (expected image or manifests)',
  'scaffold.cli.missingService': 'say which service to scaffold {kind} for: cinder or glance',
  'scaffold.cli.extraArgument': 'unexpected argument "{value}"',
  'scaffold.cli.unknownOption': 'unknown option {option} for scaffold {kind}',
  'scaffold.cli.missingValue': 'option {option} needs a value',
  'scaffold.cli.noValue': 'option {option} takes no value',
  'scaffold.cli.repeatedOption': 'option {option} is given twice',
  'scaffold.cli.exists': '{path} already exists',
  'scaffold.cli.existsHint': 'Nothing was written; run again with --force to overwrite ({count} files).',
  'scaffold.cli.writeFailed': 'cannot write {path}: {reason}',
  'scaffold.cli.wrote': 'wrote {path}',
  'scaffold.cli.nextImage': '{count} files in {dir}. Next: clone loci next to them and run bash {script} (see README.md).',
  'scaffold.cli.nextManifests': '{count} files in {dir}. Next: create the Secrets in README.md, then kubectl apply -k {dir}.',
  // Editor commands and code actions
  'scaffold.ui.imageTitle': 'Dockyard: scaffold a loci image build',
  'scaffold.ui.manifestsTitle': 'Dockyard: scaffold Kubernetes manifests',
  'scaffold.ui.pickService': 'Which OpenStack service?',
  'scaffold.ui.service.cinder': 'Block Storage: api, scheduler, volume, backup',
  'scaffold.ui.service.glance': 'Image service: api',
  'scaffold.ui.pickRelease': 'OpenStack release (PROJECT_REF stable/<release>, or master)',
  'scaffold.ui.newest': 'newest',
  'scaffold.ui.development': 'development branch',
  'scaffold.ui.pickCodename': 'Ubuntu release of the images',
  'scaffold.ui.codename.noble': 'Ubuntu 24.04 (what loci CI builds)',
  'scaffold.ui.codename.jammy': 'Ubuntu 22.04',
  'scaffold.ui.registryPrompt': 'Registry and namespace the images are tagged for (HOST[:PORT][/NAMESPACE])',
  'scaffold.ui.pickProfiles': 'PROFILES for {service}: only profiles that add packages for it are listed',
  'scaffold.ui.lociPathPrompt': 'Path of the loci checkout (the build context), relative to the target folder or absolute',
  'scaffold.ui.pickBackend': 'Storage backend for {service}',
  'scaffold.ui.backend.ceph': 'Ceph RBD: nothing runs privileged',
  'scaffold.ui.backend.lvm': 'LVM + iSCSI on a labelled node: cinder-volume and cinder-backup run privileged',
  'scaffold.ui.backend.file': 'Files on a PersistentVolumeClaim',
  'scaffold.ui.namespacePrompt': 'Kubernetes namespace',
  'scaffold.ui.imagePrompt': 'Service image, pinned to a tag or digest',
  'scaffold.ui.replicasPrompt': 'Replicas of the API (and scheduler/backup)',
  'scaffold.ui.pickFolder': 'Where to write the files',
  'scaffold.ui.browse': 'Choose a folder…',
  'scaffold.ui.openLabel': 'Scaffold here',
  'scaffold.ui.overwriteQuestion': '{count} of these files already exist in {folder}. Overwrite them?',
  'scaffold.ui.overwrite': 'Overwrite',
  'scaffold.ui.written': 'Wrote {count} files to {folder}.',
  'scaffold.ui.failed': 'Scaffolding failed: {reason}',
  'scaffold.action.image': 'Scaffold {service} loci build here',
  'scaffold.action.manifests': 'Scaffold {what} manifests here',
};
