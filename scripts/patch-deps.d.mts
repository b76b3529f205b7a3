// Types of patch-deps.mjs for the TypeScript tests that import it.
export interface PackagePatch {
  file: string;
  name: string;
  version: string;
  files: { path: string; diff: unknown }[];
}
export function listPatches(root?: string): PackagePatch[];
export function patchProblems(root?: string): string[];
export function applyPatches(root?: string, log?: (line: string) => void): void;
export function pristineCopy(name: string, dest: string, root?: string): string;
