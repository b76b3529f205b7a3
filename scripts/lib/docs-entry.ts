import { writeFileSync } from 'node:fs';
import { createRegistry } from '../../server/src/core/rules';
import { rulesMarkdown } from '../../server/src/core/features/rule-docs';

writeFileSync(process.argv[2], rulesMarkdown(createRegistry().all()));
