/**
 * Which other extensions report what Dockyard reports (no VS Code API here: the client passes
 * `installed`, so the detection is unit-tested). The server drops or hides those findings by the
 * `coexistence.*` settings.
 */
export const YAML_EXTENSIONS = ['redhat.vscode-yaml'];
export const DOCKERFILE_EXTENSIONS = ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers', 'docker.docker'];
/** Docker DX: shows BuildKit's build checks in the editor. */
export const DOCKER_DX = 'docker.docker';

export interface ClientHostContext {
  yamlSyntaxElsewhere: boolean;
  dockerfileSyntaxElsewhere: boolean;
  buildkitChecksElsewhere: boolean;
}

export function hostContextOf(installed: (id: string) => boolean): ClientHostContext {
  const any = (ids: string[]) => ids.some((id) => installed(id));
  return {
    yamlSyntaxElsewhere: any(YAML_EXTENSIONS),
    dockerfileSyntaxElsewhere: any(DOCKERFILE_EXTENSIONS),
    buildkitChecksElsewhere: installed(DOCKER_DX),
  };
}
