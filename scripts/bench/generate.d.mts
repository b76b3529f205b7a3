// Types of generate.mjs for the TypeScript tests that import it.
export interface GeneratedFile {
  path: string;
  text: string;
}
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface RandomEdit {
  start: number;
  end: number;
  insert: string;
  range: LspRange;
  newText: string;
  text: string;
}
export function mulberry32(seed: number): () => number;
export const KINDS_USED: { apiVersion: string; kind: string }[];
export function kubernetesDocument(i: number, seed?: number): string;
export function kubernetesManifest(opts?: { docs?: number; seed?: number }): string;
export function dockerfile(opts?: { instructions?: number; seed?: number }): string;
export function manifestFiles(count?: number, seed?: number): GeneratedFile[];
export function lineStarts(text: string): number[];
export function positionAt(starts: number[], offset: number): { line: number; character: number };
export function randomEdit(rng: () => number, text: string): RandomEdit;
