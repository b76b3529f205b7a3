import { RuleRegistry, type Rule, type RuleMeta } from './registry';
import { yamlSyntax } from './yaml/yaml-syntax';
import { duplicateKey } from './yaml/duplicate-key';
import { dockerfileSyntax } from './dockerfile/dockerfile-syntax';
import { SECURITY_RULES } from './security';
import { DOCKERFILE_RULES } from './dockerfile';
import { KUBERNETES_RULES } from './kubernetes';
import { KUSTOMIZE_RULES } from './kustomize';
import { LOCI_RULES } from './loci';
import { analysisIncompleteDockerfile } from './meta/analysis-incomplete';

/** Every rule Dockyard ships. Areas append their rules here. */
export const ALL_RULES: Rule[] = [
  yamlSyntax,
  duplicateKey,
  dockerfileSyntax,
  ...KUBERNETES_RULES,
  ...KUSTOMIZE_RULES,
  ...SECURITY_RULES,
  ...DOCKERFILE_RULES,
  ...LOCI_RULES,
  analysisIncompleteDockerfile,
];

/** Ids reported by the engine itself rather than by a rule module. */
export const ENGINE_IDS: RuleMeta[] = [
  { id: 'suppression-without-reason', category: 'meta', defaultSeverity: 'information' },
  { id: 'unknown-rule-in-suppression', category: 'meta', defaultSeverity: 'warning' },
  { id: 'unknown-code-in-suppression', category: 'meta', defaultSeverity: 'hint' },
  { id: 'file-encoding', category: 'meta', defaultSeverity: 'information' },
  { id: 'file-too-large', category: 'meta', defaultSeverity: 'warning' },
  { id: 'binary-file', category: 'meta', defaultSeverity: 'warning' },
  { id: 'internal-error', category: 'meta', defaultSeverity: 'error' },
];

export function createRegistry(): RuleRegistry {
  return new RuleRegistry(ALL_RULES, ENGINE_IDS);
}
