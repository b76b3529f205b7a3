// Entry of the in-process benchmark bundle (out/bench/core.cjs): the pure core, nothing else.
export { Analyzer } from '../../server/src/core/engine';
export { createRegistry } from '../../server/src/core/rules';
export { mergeConfig } from '../../server/src/core/config/config';
