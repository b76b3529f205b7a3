import type { Rule } from '../registry';
import { unknownKind } from './unknown-kind';
import { schemaRequired } from './schema-required';
import { schemaType } from './schema-type';
import { schemaEnum } from './schema-enum';
import { schemaUnknownField } from './schema-unknown-field';
import { deprecatedApi } from './deprecated-api';
import { removedApi } from './removed-api';
import { selectorMismatch } from './selector-mismatch';
import { missingReference } from './missing-reference';
import { duplicateResource } from './duplicate-resource';

/** The kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: Rule[] = [
  unknownKind,
  schemaRequired,
  schemaType,
  schemaEnum,
  schemaUnknownField,
  deprecatedApi,
  removedApi,
  selectorMismatch,
  missingReference,
  duplicateResource,
];
