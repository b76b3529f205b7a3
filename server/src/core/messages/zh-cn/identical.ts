/**
 * zh-cn entries that are the same text as English on purpose (the catalog test accepts these and
 * no others): names, formats made only of placeholders and Markdown, and version strings.
 */
export const INTENTIONALLY_IDENTICAL: Readonly<Record<string, string>> = {
  'docs.category.yaml': 'the format name',
  'docs.category.dockerfile': 'the file type name',
  'docs.category.loci': 'the project name',
  'cli.version': '`dockyard 0.1.0`: program name and version',
  'kubernetes.hover.field': 'Markdown around the field name and its type only',
  'kubernetes.hover.fieldUntyped': 'Markdown around the field name only',
  'loci.hover.selector.title': 'Markdown around a bindep token and its (translated) kind only',
  'scaffold.ui.codename.jammy': 'a distribution release name',
  'manifest.category': 'the command category is the product name',
  'manifest.configuration.title': 'the settings section is the product name',
};
