import type { Rule } from '../registry';
import { layerCount } from './layer-count';
import { consecutiveRun } from './consecutive-run';
import { rootUser } from './root-user';
import { addRemoteUrl } from './add-remote-url';
import { pipeToShell } from './pipe-to-shell';
import { secretInBuildArg } from './secret-in-build-arg';
import { unpinnedBaseImage } from './unpinned-base-image';
import { sudoInRun } from './sudo-in-run';
import { sensitiveFileCopy } from './sensitive-file-copy';
import { exposedSensitivePort } from './exposed-sensitive-port';
import { aptListsNotCleaned } from './apt-lists-not-cleaned';
import { unpinnedOsPackage } from './unpinned-os-package';
import { unpinnedLanguagePackage } from './unpinned-language-package';
import { aptInstallRecommends } from './apt-install-recommends';
import { packageInstallPrompt } from './package-install-prompt';
import { aptInsteadOfAptGet } from './apt-instead-of-apt-get';
import { distroUpgradeInRun } from './distro-upgrade-in-run';
import { aptUpdateWithoutInstall } from './apt-update-without-install';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache';
import { packageCacheNotCleaned } from './package-cache-not-cleaned';
import { pipInstallWithoutNoCacheDir } from './pip-install-without-no-cache-dir';
import { workdirRelative } from './workdir-relative';
import { cdInRun } from './cd-in-run';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { cmdShellForm } from './cmd-shell-form';
import { repeatedStageInstruction } from './repeated-stage-instruction';
import { maintainerDeprecated } from './maintainer-deprecated';
import { copyFromStage } from './copy-from-stage';
import { copyDestinationNotDirectory } from './copy-destination-not-directory';
import { fromPlatformConstant } from './from-platform-constant';
import { envLegacyFormat } from './env-legacy-format';
import { instructionCasing } from './instruction-casing';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { pipefailMissing } from './pipefail-missing';
import { wgetAndCurl } from './wget-and-curl';
import { useraddHighUid } from './useradd-high-uid';
import { aptKeyDeprecated } from './apt-key-deprecated';
import { chownAfterCopy } from './chown-after-copy';
import { copyRelativeDestination } from './copy-relative-destination';
import { envSelfReference } from './env-self-reference';
import { shellSymlink } from './shell-symlink';
import { fromPlatformRedundant } from './from-platform-redundant';
import { reservedStageName } from './reserved-stage-name';
import { emptyContinuationLine } from './empty-continuation-line';

/** The dockerfile rules, in catalog order. */
export const DOCKERFILE_RULES: Rule[] = [
  layerCount,
  consecutiveRun,
  rootUser,
  addRemoteUrl,
  pipeToShell,
  secretInBuildArg,
  unpinnedBaseImage,
  sudoInRun,
  sensitiveFileCopy,
  exposedSensitivePort,
  aptListsNotCleaned,
  unpinnedOsPackage,
  unpinnedLanguagePackage,
  aptInstallRecommends,
  packageInstallPrompt,
  aptInsteadOfAptGet,
  distroUpgradeInRun,
  aptUpdateWithoutInstall,
  apkAddWithoutNoCache,
  packageCacheNotCleaned,
  pipInstallWithoutNoCacheDir,
  workdirRelative,
  cdInRun,
  addInsteadOfCopy,
  cmdShellForm,
  repeatedStageInstruction,
  maintainerDeprecated,
  copyFromStage,
  copyDestinationNotDirectory,
  fromPlatformConstant,
  envLegacyFormat,
  instructionCasing,
  undefinedArgInFrom,
  pipefailMissing,
  wgetAndCurl,
  useraddHighUid,
  aptKeyDeprecated,
  chownAfterCopy,
  copyRelativeDestination,
  envSelfReference,
  shellSymlink,
  fromPlatformRedundant,
  reservedStageName,
  emptyContinuationLine,
];
