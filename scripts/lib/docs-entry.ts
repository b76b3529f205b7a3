import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry } from '../../server/src/core/rules';
import { rulesMarkdown } from '../../server/src/core/features/rule-docs';
import { manifestProperties } from '../../server/src/core/config/settings';

// docs/rules.md from the rule registry and the catalog.
writeFileSync(process.argv[2], rulesMarkdown(createRegistry().all()));

// package.json `contributes.configuration.properties` from the settings declaration (the rest of
// package.json is kept byte for byte: only that object is replaced, in the file's own indentation).
const pkgPath = join(process.argv[3]);
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.contributes.configuration.properties = manifestProperties();
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
