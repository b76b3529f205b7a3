// Types of yaml-generators.mjs for the TypeScript test that imports it.
/** The patched `parse/lexer.js` of one build of `yaml`, made from the published file. */
export function lexer(text: string): string;
/** The patched `parse/parser.js` of one build of `yaml`, made from the published file. */
export function parser(text: string): string;
