import type { Arg, Env, Property } from 'dockerfile-ast';
import { defineRule } from '../define';
import { secretSetting } from '../../util/secrets';

/**
 * `ARG DB_PASSWORD=hunter2` / `ENV API_TOKEN=abc`: the value is written into the image (ENV) or its
 * history (`docker history` shows ARG values used by RUN), readable by anyone who can pull it.
 * Build secrets belong in `RUN --mount=type=secret`; runtime secrets in the orchestrator.
 * Only literal values are reported (`ARG TOKEN`, `ENV TOKEN=$TOKEN` carry no value in the file).
 */
export const secretInBuildArg = defineRule({
  id: 'secret-in-build-arg',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  equivalents: ['buildkit:SecretsUsedInArgOrEnv'],
  references: [
    { title: 'Docker build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    { title: 'BuildKit check SecretsUsedInArgOrEnv', url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/' },
  ],
  docs: {
    summary: 'ENV or ARG whose name looks secret (PASSWORD, TOKEN, SECRET, API_KEY …) with a literal value.',
    risk: 'ENV values are stored in the image configuration and ARG values in its history: anyone who can pull the image can read them.',
    fix: 'Pass build secrets with RUN --mount=type=secret (docker build --secret), and runtime secrets through the orchestrator (Kubernetes Secret), never as a default in the Dockerfile.',
  },
  messages: {
    message: '{instruction} {name} holds a literal value that looks like a secret.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const ins of model.instructions) {
      const k = ins.getKeyword();
      let props: Property[] = [];
      if (k === 'ARG') {
        const p = (ins as Arg).getProperty?.();
        if (p) props = [p];
      } else if (k === 'ENV') props = (ins as Env).getProperties?.() ?? [];
      else continue;
      for (const p of props) {
        const name = p.getName();
        const value = p.getValue();
        if (value === null || !secretSetting(name, value)) continue;
        ctx.report({ range: model.range(p.getRange()), message: m('message', { instruction: k, name }) });
      }
    }
  },
});
