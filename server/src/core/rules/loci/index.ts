import type { Rule } from '../registry';
import { unknownProfile } from './unknown-profile';
import { profileNoEffect } from './profile-no-effect';
import { missingProject } from './missing-project';
import { targetMismatch } from './target-mismatch';
import { refFormat } from './ref-format';
import { wheels } from './wheels';
import { keepAllWheels } from './keep-all-wheels';
import { baseImage } from './base-image';
import { deprecatedArg } from './deprecated-arg';
import { extraDepsFile } from './extra-deps-file';
import { argValue } from './arg-value';
import { bindepSyntax } from './bindep-syntax';

/** The loci rules, in catalog order (each loci build rule is registered for Dockerfiles, YAML and shell). */
export const LOCI_RULES: Rule[] = [
  ...unknownProfile,
  ...profileNoEffect,
  ...missingProject,
  ...targetMismatch,
  ...refFormat,
  ...wheels,
  ...keepAllWheels,
  ...baseImage,
  ...deprecatedArg,
  ...extraDepsFile,
  ...argValue,
  bindepSyntax,
];
