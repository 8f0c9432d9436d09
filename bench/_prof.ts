import { check } from '../rules/index.js';
import { parseMarkdown } from '../rules/model/parse.js';
const t = (n: string, f: () => unknown) => { const s = performance.now(); f(); console.log(n, (performance.now() - s).toFixed(1)); };
for (const c of ['*', '[', '`', '_', '<', '!', '[a', '*a', '（', '\\', '~', '|', '*一*', '[](', '<a ']) {
  const s = c.repeat(Math.floor(20000 / c.length));
  t('parse ' + JSON.stringify(c), () => parseMarkdown(s));
  t('check ' + JSON.stringify(c), () => check(s));
}
