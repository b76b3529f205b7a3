import type { Rule } from '../registry';
import { kustomizeMissingResource } from './kustomize-missing-resource';
import { kustomizePatchTarget } from './kustomize-patch-target';

/** The kustomize rules (kustomization files: resources, patches, generators). */
export const KUSTOMIZE_RULES: Rule[] = [kustomizeMissingResource, kustomizePatchTarget];
