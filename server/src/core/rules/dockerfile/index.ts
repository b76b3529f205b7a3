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
];
