// Entry of the peer-agreement bundle (out/agreement/peers.cjs, built by scripts/agreement/peers.mjs):
// the CLI's own service, the rule registry (for `equivalents`) and the message catalog.
export { createCliService } from '../../server/src/cli/service';
export { ALL_RULES } from '../../server/src/core/rules';
export { t } from '../../server/src/core/messages/catalog';
