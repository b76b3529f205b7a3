import { readFileSync, writeFileSync } from 'node:fs';
import { createRegistry, ALL_RULES } from '../../server/src/core/rules';
import { rulesMarkdown } from '../../server/src/core/features/rule-docs';
import { configFileSchema, manifestProperties, nlsBundle, nlsRef, restrictedConfigurations } from '../../server/src/core/config/settings';
import { join, dirname } from 'node:path';
import { ruleCatalogSource } from '../../server/src/core/rules/define';

const [mode, out] = process.argv.slice(2);
if (mode === 'catalog') {
  // The English catalog of the rules made by defineRule, from their definitions.
  writeFileSync(out, ruleCatalogSource(ALL_RULES));
} else if (mode === 'rules') {
  // docs/rules.md and docs/rules.zh-cn.md from the rule registry and the catalogs (bundled after the catalog step).
  writeFileSync(out, rulesMarkdown(createRegistry().all()));
  writeFileSync(out.replace(/\.md$/, '.zh-cn.md'), rulesMarkdown(createRegistry().all(), 'zh-cn'));
} else if (mode === 'settings') {
  // package.json `contributes.configuration.properties` from the settings declaration; the rest of
  // package.json is kept as it is (2-space JSON, as npm writes it).
  const pkg = JSON.parse(readFileSync(out, 'utf8'));
  // Texts are `%id%` references; package.nls.json and package.nls.zh-cn.json hold every id the
  // manifest names, from the catalogs.
  pkg.contributes.configuration.properties = manifestProperties(nlsRef);
  // Restricted Mode: VS Code ignores workspace values of these settings; Dockyard's server also
  // confines the paths a repository's .dockyard.yaml names to the workspace folder (issue #12).
  pkg.capabilities.untrustedWorkspaces = {
    supported: 'limited',
    description:
      'Dockyard runs no workspace code. In Restricted Mode, settings that name files or patterns are taken from user settings only, and paths a repository configures outside its workspace folder are ignored (with a notice).',
    restrictedConfigurations: restrictedConfigurations(),
  };
  pkg.contributes.yamlValidation = [{ fileMatch: ['.dockyard.yaml', '.dockyard.yml'], url: './schemas/dockyard.schema.json' }];
  writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync(join(dirname(out), 'package.nls.json'), JSON.stringify(nlsBundle(pkg, 'en'), null, 2) + '\n');
  writeFileSync(join(dirname(out), 'package.nls.zh-cn.json'), JSON.stringify(nlsBundle(pkg, 'zh-cn'), null, 2) + '\n');
} else if (mode === 'schema') {
  // The JSON Schema of .dockyard.yaml, from the same declaration.
  writeFileSync(out, JSON.stringify(configFileSchema(), null, 2) + '\n');
} else {
  throw new Error(`docs-entry: unknown mode ${mode}`);
}
