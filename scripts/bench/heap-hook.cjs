// Preloaded into a language server by scripts/bench/bindep-memory.mjs (node --expose-gc -r this):
// on SIGUSR2 it runs a full GC and writes process.memoryUsage() as JSON to $DOCKYARD_HEAP_OUT.
// Nothing in Dockyard itself changes; without the preload nothing of this exists.
'use strict';
const fs = require('node:fs');
const out = process.env.DOCKYARD_HEAP_OUT;
if (out) {
  process.on('SIGUSR2', () => {
    if (typeof global.gc === 'function') {
      global.gc();
      global.gc();
    }
    fs.writeFileSync(out, JSON.stringify(process.memoryUsage()));
  });
}
