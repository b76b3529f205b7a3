import { Argument, Instruction } from 'dockerfile-ast';

/**
 * Speed-ups of dockerfile-ast (0.7) that change no result, installed once before the first parse
 * (`DockerfileModel`). Measured on the benchmark's 2,000-instruction Dockerfile, where the parse was
 * about half of the whole analysis:
 *
 * - `Instruction.getRawArguments()` re-tokenises the instruction on every call, and the library's
 *   own constructors (`JSONInstruction`, `ModifiableInstruction.getFlags`, `getArgumentsRange`,
 *   `getRawArgumentsContent`, heredoc detection) call it about five times per instruction while
 *   parsing, rules a few times more. The arguments depend only on the instruction's immutable
 *   document text, range and escape character: they are tokenised once per instruction and every
 *   call gets a copy of the array (callers shift flags off the array they get). The `Argument`
 *   objects are shared: the library never mutates them after construction.
 * - The tokeniser itself (`rawArguments` below) is the library's, with one change: it built each
 *   argument's value one character at a time (`value = value + char`, a new string per character:
 *   a third of all the memory an analysis allocated); it now appends runs of plain characters as one
 *   slice of the text. Same control flow, same values, same ranges:
 *   test/core/dockerfile/ast-speed.test.ts compares it with the library's on real and generated
 *   Dockerfiles.
 * - `getKeyword()` upper-cases the keyword on every call; it is computed once per instruction.
 *
 * The library function replaced is kept (`originalRawArguments`) for that test.
 */

interface AstPosition {
  line: number;
  character: number;
}
interface AstDocument {
  getText(): string;
  offsetAt(p: AstPosition): number;
  positionAt(offset: number): AstPosition;
}
interface AstInstructionInternals {
  document: AstDocument;
  escapeChar: string;
  getInstructionRange(): { start: AstPosition; end: AstPosition };
  getTextContent(): string;
  getKeyword(): string;
  [RAW_ARGUMENTS]?: Argument[];
  [KEYWORD]?: string;
}

const RAW_ARGUMENTS = Symbol('dockyard.rawArguments');
const KEYWORD = Symbol('dockyard.keyword');

type Proto = { getRawArguments(this: AstInstructionInternals): Argument[]; getKeyword(this: AstInstructionInternals): string };
const proto = Instruction.prototype as unknown as Proto;

/** dockerfile-ast's own `getRawArguments` (for the equivalence test). */
export const originalRawArguments: (this: AstInstructionInternals) => Argument[] = proto.getRawArguments;
const originalKeyword: (this: AstInstructionInternals) => string = proto.getKeyword;
let installed = false;

export function installDockerfileAstSpeedups(): void {
  if (installed) return;
  installed = true;
  if (typeof originalRawArguments === 'function') {
    proto.getRawArguments = function (this: AstInstructionInternals): Argument[] {
      let args = this[RAW_ARGUMENTS];
      if (!args) {
        args = rawArguments(this);
        this[RAW_ARGUMENTS] = args;
      }
      return args.slice();
    };
  }
  if (typeof originalKeyword === 'function') {
    proto.getKeyword = function (this: AstInstructionInternals): string {
      return (this[KEYWORD] ??= originalKeyword.call(this));
    };
  }
}

const isNewline = (c: string) => c === '\r' || c === '\n';
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * dockerfile-ast 0.7.1 `Instruction.getRawArguments` (MIT, Remy Suen), unchanged but for how
 * `escapedArg` is built: characters appended one by one from consecutive offsets are kept as a
 * pending run [`runStart`, `runEnd`) of `fullArgs` and appended as one slice (`flush()`) before
 * `escapedArg` is read or otherwise changed. String concatenation is associative: same value.
 */
export function rawArguments(self: AstInstructionInternals): Argument[] {
  const document = self.document;
  const args: Argument[] = [];
  const range = self.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const content = self.getTextContent();
  const fullArgs = content.substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  const escapeChar = self.escapeChar;
  let start = false;
  let comment = false;
  let found = -1;
  // determines whether the parser has found a space or tab
  // whitespace character that's a part of an escaped newline sequence
  let escapedWhitespaceDetected = false;
  // determines if the parser is currently in an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart !== -1) {
      escapedArg = escapedArg + fullArgs.substring(runStart, runEnd);
      runStart = -1;
    }
  };
  const argument = (from: number, to: number) => {
    flush();
    return new Argument(escapedArg, { start: document.positionAt(offset + from), end: document.positionAt(offset + to) });
  };
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isNewline(char)) {
          // reached a newline, any previously
          // detected whitespace should be ignored
          escapedWhitespaceDetected = false;
          if (comment) {
            // reached a newline, no longer in a comment
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        if (escapeMarker === -1) {
          args.push(argument(found, i));
        } else {
          args.push(argument(found, escapeMarker));
        }
        escapeMarker = -1;
        escapedArg = '';
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          const newlineCheck = fullArgs.charAt(j);
          switch (newlineCheck) {
            case ' ':
            case '\t':
              continue;
            case '\r':
              j++;
            // falls through
            case '\n':
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) {
                escapeMarker = i;
              }
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) {
                i = j - 1;
              }
              break whitespaceCheck;
          }
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(argument(found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        flush();
        if (next === '$') {
          escapedArg = escapedArg + char + next;
        } else if (next === '') {
          // reached EOF, stop processing
          break;
        } else {
          escapedArg = escapedArg + next;
        }
        if (found === -1) {
          found = i;
        }
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(argument(found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        // escapedArg = escapedArg + char, deferred: extend the pending run or start a new one.
        if (runStart !== -1 && runEnd === i) {
          runEnd = i + 1;
        } else {
          flush();
          runStart = i;
          runEnd = i + 1;
        }
        if (found === -1) {
          found = i;
        }
      }
      // non-whitespace character detected, reset
      start = false;
    }
  }
  if (found !== -1) {
    if (escapeMarker === -1) {
      args.push(argument(found, fullArgs.length));
    } else {
      args.push(argument(found, escapeMarker));
    }
  }
  return args;
}
