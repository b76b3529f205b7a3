import type { Rule } from '../registry';
import { unknownKind } from './unknown-kind';
import { schemaRequired } from './schema-required';
import { schemaType } from './schema-type';
import { schemaEnum } from './schema-enum';
import { schemaUnknownField } from './schema-unknown-field';
import { deprecatedApi } from './deprecated-api';
import { removedApi } from './removed-api';

/** The kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: Rule[] = [unknownKind, schemaRequired, schemaType, schemaEnum, schemaUnknownField, deprecatedApi, removedApi];
