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
};
