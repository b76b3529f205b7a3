import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export const repoRoot: string;
export const installer: string;
export const OFFLINE_ENV: Record<string, string>;
export const QUIET_SETTINGS: Record<string, unknown>;

export function e2eHome(): string;
export function codeServerEntry(): string | undefined;
export function playwrightCorePath(): string | undefined;
export function missingPrerequisites(): string[];
export function runInstaller(opts?: { args?: string[] }): string;
export function packageVsix(outFile: string): string;
export function writeUserSettings(userDataDir: string, settings?: Record<string, unknown>): void;
export function installVsix(entry: string, vsix: string, extensionsDir: string, userDataDir: string): string;
export function freePort(): Promise<number>;
export function packageVersion(): string;

export interface StartOptions {
  entry: string;
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  /** false: keep workspace trust on (Restricted Mode dialog). Default true (--disable-workspace-trust). */
  trust?: boolean;
  /** Ask for this password in the browser (code-server --auth password); default: no auth. */
  password?: string;
  /** code-server's display language (`--locale`), e.g. zh-cn; needs a language pack for it installed. */
  locale?: string;
  port?: number;
  timeoutMs?: number;
  logFile?: string;
  env?: Record<string, string>;
  onOutput?: (chunk: string) => void;
}

export interface RunningCodeServer {
  port: number;
  url: string;
  /** `url` with `?folder=<workspace>`. */
  folderUrl: string;
  child: ChildProcess;
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the whole process group, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export function startCodeServer(o: StartOptions): Promise<RunningCodeServer>;
