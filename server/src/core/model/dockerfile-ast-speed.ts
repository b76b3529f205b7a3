import { Argument, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { version as astVersion } from 'dockerfile-ast/package.json';

/** The dockerfile-ast release these speed-ups were written and checked against (its internals). */
export const SPEEDUPS_FOR_VERSION = '0.7.1';

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
 *   call gets new `Argument` and `Range` objects for them (callers change what they get: the array,
 *   and `From.getImageNameRange` the image argument's range); the position objects and the values
 *   are shared (nothing changes a position's fields or a string).
 * - The tokeniser itself (`rawArguments` below) is the library's, with one change: it built each
 *   argument's value one character at a time (`value = value + char`, a new string per character:
 *   a third of all the memory an analysis allocated); it now appends runs of plain characters as one
 *   slice of the text. Same control flow, same values, same ranges:
 *   test/core/dockerfile/ast-speed.test.ts compares it with the library's on real and generated
 *   Dockerfiles.
 * - `getArgumentsRange()`, `getRawArgumentsContent()` and `ModifiableInstruction.getArguments()`
 *   read those tokens directly instead of copying every argument first; `argumentsOf()` gives
 *   Dockyard's own read-only callers the same without a copy.
 * - `getKeyword()` upper-cases the keyword on every call; it is computed once per instruction.
 * - The parser builds every instruction with arguments twice: once up to the end of its line, only
 *   to look for heredoc operators in its arguments (`processArguments` → `processHeredocs`), then
 *   again, for the Dockerfile, up to the end of its heredoc bodies. Without heredocs both are built
 *   from the very same offsets: the second build returns the first object (instruction
 *   constructors only set their own fields, and `processHeredocs` only reads the instruction).
 *
 * The library's functions are kept: `withoutDockerfileAstSpeedups` runs code with them, for the
 * equivalence tests.
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
  getRangeContent(range: { start: AstPosition; end: AstPosition }): string | null;
  [RAW_ARGUMENTS]?: Argument[];
  [KEYWORD]?: string;
}

const RAW_ARGUMENTS = Symbol('dockyard.rawArguments');
const KEYWORD = Symbol('dockyard.keyword');

type Proto = {
  getRawArguments(this: AstInstructionInternals): Argument[];
  getKeyword(this: AstInstructionInternals): string;
  getArgumentsRange(this: AstInstructionInternals): { start: AstPosition; end: AstPosition } | null;
  getRawArgumentsContent(this: AstInstructionInternals): string | null;
};
const proto = Instruction.prototype as unknown as Proto;
const modifiableProto = ModifiableInstruction.prototype as unknown as { getArguments(this: AstInstructionInternals): Argument[] };

/** dockerfile-ast's own `getRawArguments` (for the equivalence test). */
export const originalRawArguments: (this: AstInstructionInternals) => Argument[] = proto.getRawArguments;
const original = {
  getKeyword: proto.getKeyword,
  getArgumentsRange: proto.getArgumentsRange,
  getRawArgumentsContent: proto.getRawArgumentsContent,
  modifiableGetArguments: modifiableProto.getArguments,
};
let installed = false;

type CreateInstruction = (this: ParserInternals, dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number) => Instruction;
interface ParserInternals {
  [LAST_CREATED]?: { dockerfile: unknown; instruction: string; start: number; instructionEnd: number; end: number; result: Instruction };
}
const LAST_CREATED = Symbol('dockyard.lastCreated');
const parserProto = Parser.prototype as unknown as { createInstruction: CreateInstruction };
const originalCreateInstruction: CreateInstruction = parserProto.createInstruction;

function createInstructionOnce(this: ParserInternals, dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): Instruction {
  const last = this[LAST_CREATED];
  this[LAST_CREATED] = undefined;
  if (last && last.start === start && last.end === end && last.instructionEnd === instructionEnd && last.instruction === instruction && last.dockerfile === dockerfile) {
    return last.result;
  }
  const result = originalCreateInstruction.call(this, dockerfile, instruction, start, instructionEnd, end);
  this[LAST_CREATED] = { dockerfile, instruction, start, instructionEnd, end, result };
  return result;
}

/** The instruction's arguments, tokenised once. Never handed out: callers get copies. */
function tokens(self: AstInstructionInternals): Argument[] {
  let args = self[RAW_ARGUMENTS];
  if (!args) {
    args = rawArguments(self);
    self[RAW_ARGUMENTS] = args;
  }
  return args;
}

/**
 * New Argument and Range objects for `args[from…]`, as the library makes on every call: callers
 * change what they get (ModifiableInstruction shifts flags off the array, From.getImageNameRange
 * moves the ends of the image argument's range). Positions and values are shared: nothing changes
 * them.
 */
function copies(args: Argument[], from: number): Argument[] {
  const out: Argument[] = new Array(args.length - from);
  for (let i = from; i < args.length; i++) {
    const a = args[i] as unknown as TokenFields;
    out[i - from] = new Argument(a.value, { start: a.range.start, end: a.range.end });
  }
  return out;
}
interface TokenFields {
  value: string;
  range: { start: AstPosition; end: AstPosition };
}

/** How many leading arguments `getArguments()` leaves out: a ModifiableInstruction's flags. */
function flagCount(self: AstInstructionInternals, args: Argument[]): number {
  return self instanceof ModifiableInstruction ? Math.min((self as unknown as ModifiableInstruction).getFlags().length, args.length) : 0;
}

function memoizedRawArguments(this: AstInstructionInternals): Argument[] {
  return copies(tokens(this), 0);
}

/** ModifiableInstruction.getArguments: the raw arguments after the flags (the library shifts them off a full copy). */
function modifiableArguments(this: AstInstructionInternals): Argument[] {
  const args = tokens(this);
  return copies(args, flagCount(this, args));
}

/** Instruction.getArgumentsRange without copying the arguments it reads. */
function argumentsRange(this: AstInstructionInternals): { start: AstPosition; end: AstPosition } | null {
  const args = tokens(this);
  const from = flagCount(this, args);
  if (from >= args.length) return null;
  return { start: (args[from] as unknown as TokenFields).range.start, end: (args[args.length - 1] as unknown as TokenFields).range.end };
}

/** Instruction.getRawArgumentsContent without copying the arguments it reads. */
function rawArgumentsContent(this: AstInstructionInternals): string | null {
  const range = argumentsRange.call(this);
  return range === null ? null : this.getRangeContent(range);
}

function memoizedKeyword(this: AstInstructionInternals): string {
  return (this[KEYWORD] ??= original.getKeyword.call(this));
}

export function installDockerfileAstSpeedups(): void {
  if (installed) return;
  // Only over the release this was written against: another one keeps the library's own code.
  if (astVersion !== SPEEDUPS_FOR_VERSION) return;
  // Only over the functions this was written against (a library update that renames them keeps its own).
  const expected = [originalCreateInstruction, originalRawArguments, ...Object.values(original)];
  if (expected.some((f) => typeof f !== 'function')) return;
  installed = true;
  parserProto.createInstruction = createInstructionOnce;
  proto.getRawArguments = memoizedRawArguments;
  proto.getKeyword = memoizedKeyword;
  proto.getArgumentsRange = argumentsRange;
  proto.getRawArgumentsContent = rawArgumentsContent;
  modifiableProto.getArguments = modifiableArguments;
}

/**
 * What `ins.getArguments()` returns, without copying: for read-only use (Dockyard's own rules and
 * model read values and ranges; they change neither the array nor an argument's range).
 */
export function argumentsOf(ins: Instruction): readonly Argument[] {
  if (!installed) return ins.getArguments();
  const self = ins as unknown as AstInstructionInternals;
  const args = tokens(self);
  const from = flagCount(self, args);
  return from ? args.slice(from) : args;
}

/** Runs `fn` with dockerfile-ast as published (for the equivalence tests). */
export function withoutDockerfileAstSpeedups<T>(fn: () => T): T {
  const was = installed;
  parserProto.createInstruction = originalCreateInstruction;
  proto.getRawArguments = originalRawArguments;
  proto.getKeyword = original.getKeyword;
  proto.getArgumentsRange = original.getArgumentsRange;
  proto.getRawArgumentsContent = original.getRawArgumentsContent;
  modifiableProto.getArguments = original.modifiableGetArguments;
  installed = false;
  try {
    return fn();
  } finally {
    if (was) installDockerfileAstSpeedups();
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
