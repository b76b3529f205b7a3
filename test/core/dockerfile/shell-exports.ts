export * from '../../../server/src/core/util/shell';
export { changesShellState as changesShellStateForTest } from '../../../server/src/core/rules/dockerfile/consecutive-run';
