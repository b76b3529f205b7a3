import type { Message } from '../types';

/** One generated file: a path relative to the output folder (always `/`-separated) and its text. */
export interface ScaffoldFile {
  path: string;
  content: string;
  /** A script: writers that can set file modes make it executable. */
  executable?: boolean;
}

export interface ScaffoldResult {
  files: ScaffoldFile[];
  /** The file an editor opens after writing (the build script / the api manifest). */
  main: string;
}

/** A problem with the options, as a catalog message naming the option and the bad value. */
export interface OptionProblem {
  option: string;
  message: Message;
}

/** Thrown by the generators when called with options that `validate*Options` rejects. */
export class ScaffoldOptionsError extends Error {
  constructor(readonly problems: OptionProblem[]) {
    super(problems.map((p) => `${p.option}: ${p.message.id} ${JSON.stringify(p.message.args ?? {})}`).join('; '));
  }
}
