import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfigHost } from '../rules/index.js';

/** Config discovery on the real file system. Reads only: no config file is ever executed. */
export const nodeConfigHost: ConfigHost = {
  readFile(p) {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname: (p) => path.dirname(p),
  join: (...parts) => path.join(...parts),
  resolve: (base, rel) => path.resolve(base, rel),
};
