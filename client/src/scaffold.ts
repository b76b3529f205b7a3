import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import { format, langFromLocale, t, type Lang } from '../../server/src/core/messages/catalog';
import { scaffoldActionsFor } from '../../server/src/core/scaffold/actions';
import { imageRefs, scaffoldImage, type ImageOptions } from '../../server/src/core/scaffold/image';
import { backendsFor, scaffoldManifests, type Backend, type ManifestOptions } from '../../server/src/core/scaffold/manifests';
import {
  CODENAMES,
  DEFAULT_CODENAME,
  DEFAULT_LOCI_PATH,
  DEFAULT_PROFILES,
  DEFAULT_REGISTRY,
  NEWEST_RELEASE,
  RELEASES,
  SERVICE_PROFILES,
  SERVICES,
  effectiveProfiles,
  type Codename,
  type ScaffoldService,
} from '../../server/src/core/scaffold/profiles';
import type { ScaffoldResult } from '../../server/src/core/scaffold/types';
import { checkLociPath, checkNamespace, checkPinnedImage, checkRegistry, checkReplicas } from '../../server/src/core/scaffold/validate';

/**
 * The editor side of scaffolding: `dockyard.scaffoldImage` and `dockyard.scaffoldManifests` ask for
 * the options with quick picks and input boxes (pre-filled with what the user chose last time,
 * kept in `globalState`), write the files the pure generators produce, never overwrite a file
 * without a modal confirmation, and open the main file. A code action offers the same on empty
 * Dockerfiles and YAML files. Every string comes from the message catalog.
 */
export const IMAGE_STATE_KEY = 'dockyard.scaffold.image';
export const MANIFESTS_STATE_KEY = 'dockyard.scaffold.manifests';

/** Arguments a code action (or another extension) passes to the commands. */
export interface ScaffoldCommandArgs {
  service?: ScaffoldService;
  /** Target folder; asked for when absent. */
  folder?: vscode.Uri;
  /** A nearly empty document the action was invoked on: filled in place when a generated file has its name. */
  here?: vscode.Uri;
}

interface RememberedImage {
  release?: string;
  codename?: Codename;
  registry?: string;
  lociPath?: string;
  profiles?: Partial<Record<ScaffoldService, string[]>>;
}

interface RememberedManifests {
  namespace?: string;
  replicas?: number;
  backend?: Partial<Record<ScaffoldService, Backend>>;
  image?: Partial<Record<ScaffoldService, string>>;
}

function uiLang(): Lang {
  return langFromLocale(vscode.env.language);
}

function problemText(problems: { message: { id: string; args?: Record<string, string | number> } }[], lang: Lang): string | undefined {
  return problems.length ? format(problems[0].message, lang) : undefined;
}

async function pickService(lang: Lang, step: string): Promise<ScaffoldService | undefined> {
  const items = SERVICES.map((s) => ({ label: s, description: t(`scaffold.ui.service.${s}`, undefined, lang), service: s }));
  const r = await vscode.window.showQuickPick(items, { title: step, placeHolder: t('scaffold.ui.pickService', undefined, lang), ignoreFocusOut: true });
  return r?.service;
}

async function pickOne<T extends string>(title: string, placeHolder: string, values: readonly T[], remembered: T | undefined, describe: (v: T) => string | undefined): Promise<T | undefined> {
  const first = remembered && values.includes(remembered) ? remembered : values[0];
  const ordered = [first, ...values.filter((v) => v !== first)];
  const items = ordered.map((v) => ({ label: v, description: describe(v), value: v }));
  const r = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  return r?.value;
}

async function input(title: string, prompt: string, value: string, validate: (v: string) => string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => validate(v.trim()) ?? null });
}

/**
 * A new folder in a workspace folder (`<service>-image`, else `<service>-image-2`, … : one that does
 * not exist yet, so nothing of the workspace is touched unless the user picks it), confirmed in the
 * pick list, or any folder from the open dialog.
 */
async function pickFolder(lang: Lang, title: string, sub: string): Promise<vscode.Uri | undefined> {
  const browse = { label: t('scaffold.ui.browse', undefined, lang), uri: undefined as vscode.Uri | undefined };
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length) {
    const fresh = async (root: vscode.Uri) => {
      for (let i = 1; i < 100; i++) {
        const name = i === 1 ? sub : `${sub}-${i}`;
        if (!(await exists(vscode.Uri.joinPath(root, name)))) return name;
      }
      return sub;
    };
    const items = [
      ...(await Promise.all(folders.map(async (f) => {
        const name = await fresh(f.uri);
        return { label: `${f.name}/${name}`, description: vscode.Uri.joinPath(f.uri, name).fsPath, uri: vscode.Uri.joinPath(f.uri, name) };
      }))),
      browse,
    ];
    const r = await vscode.window.showQuickPick(items, { title, placeHolder: t('scaffold.ui.pickFolder', undefined, lang), ignoreFocusOut: true });
    if (!r) return undefined;
    if (r.uri) return r.uri;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: t('scaffold.ui.openLabel', undefined, lang), title });
  return chosen?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function sameUri(a: vscode.Uri | undefined, b: vscode.Uri): boolean {
  return !!a && a.toString() === b.toString();
}

/**
 * Write the generated files into `folder`. Asks once (modal) before replacing existing files; the
 * nearly empty document the action ran on is filled in place (an edit, so unsaved text is not lost
 * behind the editor's back). Returns false when the user declined: then nothing was written.
 */
export async function writeScaffold(result: ScaffoldResult, folder: vscode.Uri, lang: Lang, here?: vscode.Uri): Promise<boolean> {
  const targets = result.files.map((f) => ({ file: f, uri: vscode.Uri.joinPath(folder, ...f.path.split('/')) }));
  const taken: string[] = [];
  for (const x of targets) if (!sameUri(here, x.uri) && (await exists(x.uri))) taken.push(x.file.path);
  if (taken.length) {
    const overwrite = t('scaffold.ui.overwrite', undefined, lang);
    const answer = await vscode.window.showWarningMessage(
      t('scaffold.ui.overwriteQuestion', { count: taken.length, folder: folder.fsPath }, lang),
      { modal: true, detail: taken.join('\n') },
      overwrite,
    );
    if (answer !== overwrite) return false;
  }
  await vscode.workspace.fs.createDirectory(folder);
  const enc = new TextEncoder();
  for (const x of targets) {
    if (sameUri(here, x.uri)) {
      const doc = await vscode.workspace.openTextDocument(x.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(x.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), x.file.content);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
      continue;
    }
    await vscode.workspace.fs.writeFile(x.uri, enc.encode(x.file.content));
    if (x.file.executable && x.uri.scheme === 'file') await fsp.chmod(x.uri.fsPath, 0o755).catch(() => undefined);
  }
  return true;
}

async function finish(result: ScaffoldResult, folder: vscode.Uri, lang: Lang, here?: vscode.Uri): Promise<boolean> {
  if (!(await writeScaffold(result, folder, lang, here))) return false;
  const main = vscode.Uri.joinPath(folder, ...result.main.split('/'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(main));
  void vscode.window.showInformationMessage(t('scaffold.ui.written', { count: result.files.length, folder: folder.fsPath }, lang));
  return true;
}

export async function scaffoldImageCommand(context: vscode.ExtensionContext, args: ScaffoldCommandArgs = {}): Promise<boolean> {
  const lang = uiLang();
  const title = t('scaffold.ui.imageTitle', undefined, lang);
  const last = context.globalState.get<RememberedImage>(IMAGE_STATE_KEY) ?? {};
  const service = args.service ?? (await pickService(lang, title));
  if (!service) return false;
  const release = await pickOne(title, t('scaffold.ui.pickRelease', undefined, lang), RELEASES, last.release, (r) =>
    r === NEWEST_RELEASE ? t('scaffold.ui.newest', undefined, lang) : r === 'master' ? t('scaffold.ui.development', undefined, lang) : undefined,
  );
  if (!release) return false;
  const codename = await pickOne(title, t('scaffold.ui.pickCodename', undefined, lang), CODENAMES, last.codename ?? DEFAULT_CODENAME, (c) =>
    t(`scaffold.ui.codename.${c}`, undefined, lang),
  );
  if (!codename) return false;
  const registry = await input(title, t('scaffold.ui.registryPrompt', undefined, lang), last.registry ?? DEFAULT_REGISTRY, (v) => problemText(checkRegistry(v), lang));
  if (registry === undefined) return false;
  const remembered = last.profiles?.[service]?.filter((p) => effectiveProfiles(service).includes(p));
  const selected = new Set(remembered ?? DEFAULT_PROFILES[service]);
  const profileItems = SERVICE_PROFILES[service].map((p) => ({ label: p.name, description: p.adds, picked: selected.has(p.name) }));
  const picked = await vscode.window.showQuickPick(profileItems, {
    title,
    placeHolder: t('scaffold.ui.pickProfiles', { service }, lang),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked) return false;
  // Keep loci's order of the table, not the click order, so the output is stable.
  const profiles = SERVICE_PROFILES[service].map((p) => p.name).filter((n) => picked.some((x) => x.label === n));
  const lociPath = await input(title, t('scaffold.ui.lociPathPrompt', undefined, lang), last.lociPath ?? DEFAULT_LOCI_PATH, (v) => problemText(checkLociPath(v), lang));
  if (lociPath === undefined) return false;
  const folder = args.folder ?? (await pickFolder(lang, title, `${service}-image`));
  if (!folder) return false;
  const options: ImageOptions = { service, release, codename, registry: registry.trim(), profiles, lociPath: lociPath.trim() };
  let result: ScaffoldResult;
  try {
    result = scaffoldImage(options, lang);
  } catch (e) {
    void vscode.window.showErrorMessage(t('scaffold.ui.failed', { reason: e instanceof Error ? e.message : String(e) }, lang));
    return false;
  }
  await context.globalState.update(IMAGE_STATE_KEY, {
    release,
    codename,
    registry: options.registry,
    lociPath: options.lociPath,
    profiles: { ...last.profiles, [service]: profiles },
  } satisfies RememberedImage);
  return finish(result, folder, lang, args.here);
}

export async function scaffoldManifestsCommand(context: vscode.ExtensionContext, args: ScaffoldCommandArgs = {}): Promise<boolean> {
  const lang = uiLang();
  const title = t('scaffold.ui.manifestsTitle', undefined, lang);
  const last = context.globalState.get<RememberedManifests>(MANIFESTS_STATE_KEY) ?? {};
  const lastImage = context.globalState.get<RememberedImage>(IMAGE_STATE_KEY) ?? {};
  const service = args.service ?? (await pickService(lang, title));
  if (!service) return false;
  const backend = await pickOne(title, t('scaffold.ui.pickBackend', { service }, lang), backendsFor(service) as readonly Backend[], last.backend?.[service], (b) =>
    t(`scaffold.ui.backend.${b}`, undefined, lang),
  );
  if (!backend) return false;
  const namespace = await input(title, t('scaffold.ui.namespacePrompt', undefined, lang), last.namespace ?? 'openstack', (v) => problemText(checkNamespace(v), lang));
  if (namespace === undefined) return false;
  // The image the image scaffold would build with the user's last choices.
  const built = imageRefs({ service, release: lastImage.release, codename: lastImage.codename, registry: lastImage.registry }).service;
  const image = await input(title, t('scaffold.ui.imagePrompt', undefined, lang), last.image?.[service] ?? built, (v) => problemText(checkPinnedImage('image', v), lang));
  if (image === undefined) return false;
  const replicasText = await input(title, t('scaffold.ui.replicasPrompt', undefined, lang), String(last.replicas ?? 1), (v) =>
    /^[0-9]+$/.test(v) ? problemText(checkReplicas(Number(v)), lang) : t('scaffold.option.badReplicas', { value: v, max: 50 }, lang),
  );
  if (replicasText === undefined) return false;
  const folder = args.folder ?? (await pickFolder(lang, title, `${service}-manifests`));
  if (!folder) return false;
  const options: ManifestOptions = { service, backend, namespace: namespace.trim(), image: image.trim(), replicas: Number(replicasText.trim()) };
  let result: ScaffoldResult;
  try {
    result = scaffoldManifests(options, lang);
  } catch (e) {
    void vscode.window.showErrorMessage(t('scaffold.ui.failed', { reason: e instanceof Error ? e.message : String(e) }, lang));
    return false;
  }
  await context.globalState.update(MANIFESTS_STATE_KEY, {
    namespace: options.namespace,
    replicas: options.replicas,
    backend: { ...last.backend, [service]: backend },
    image: options.image === built ? { ...last.image, [service]: undefined } : { ...last.image, [service]: options.image },
  } satisfies RememberedManifests);
  return finish(result, folder, lang, args.here);
}

/** "Scaffold … here" actions for an empty or nearly empty Dockerfile / YAML document. */
export function scaffoldCodeActions(document: vscode.TextDocument): vscode.CodeAction[] {
  const lang = uiLang();
  const folder = vscode.Uri.joinPath(document.uri, '..');
  return scaffoldActionsFor({ languageId: document.languageId, fileName: document.fileName, text: document.getText() }).map((a) => {
    const action = new vscode.CodeAction(format(a.title, lang), vscode.CodeActionKind.Empty);
    const args: ScaffoldCommandArgs = { service: a.service, folder, here: document.uri };
    action.command = { command: a.command, title: format(a.title, lang), arguments: [args] };
    return action;
  });
}

export function registerScaffoldCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dockyard.scaffoldImage', (args?: ScaffoldCommandArgs) => scaffoldImageCommand(context, args ?? {})),
    vscode.commands.registerCommand('dockyard.scaffoldManifests', (args?: ScaffoldCommandArgs) => scaffoldManifestsCommand(context, args ?? {})),
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'dockerfile' }, { language: 'yaml' }, { language: 'dockercompose' }],
      { provideCodeActions: (document) => scaffoldCodeActions(document) },
      { providedCodeActionKinds: [vscode.CodeActionKind.Empty] },
    ),
  );
}
