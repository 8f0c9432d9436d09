/**
 * Web page chrome pasted with a report: navigation, publishing metadata and footers. The outline, the title and
 * the year reader skip it; the web-boilerplate rule reports it.
 *
 * Two kinds of evidence: a line that opens with a page field (发布时间:…) or is nothing but a page widget (微博,
 * 打印 关闭) is chrome whatever follows; a footer phrase (版权所有, 举报电话, 网站地图, 关怀版…) found inside a line
 * makes it chrome only when the line does not read as a report sentence — reports do write
 * “设立并向社会公布…投诉举报电话，…。” and “通过微信公众号发布…。”.
 */

/** Page fields and widgets: anchored at the line start, never report prose. */
const FIELD_LINE: RegExp[] = [
  /^(发布|发稿|更新|成文)(时间|日期)[:：]/,
  /^(访问|浏览|点击|阅读)(次数|量)[:：]?/,
  /^(信息)?来源[:：]/,
  /^信息来源[:：]?$/,
  /^发布(机构|者|单位)[:：]?/,
  /^(作者|编辑|责任编辑|责编|审核|字号)[:：]/,
  /^(【?(打印|关闭|收藏|分享到?|字号|大|中|小|返回顶部|打印本页|关闭窗口)】?[\s|丨/]*){2,}$/,
  /^(微博|微信|微信公众号|公众号|今日头条|抖音|分享到|扫一扫|二维码|手机版|返回顶部|打印|关闭)[:：]?$/,
  /^(首页|当前位置)[\s>»：:]/,
];

/** Footer phrases that a report sentence may also contain. */
const FOOTER_PHRASE: RegExp[] = [
  /网站无障碍|无障碍浏览|关怀版|长者模式|适老化/,
  /法律声明.*(网站地图|关于我们|联系我们|使用帮助)|(网站地图|关于我们|联系我们).*(法律声明|使用帮助)/,
  /版权所有|主办单位[:：]|承办单位[:：]|技术支持[:：]|copyright|©/i,
  /ICP备|公网安备|网站标识码|网站识别码/,
  /本网站.*(举报电话|举报邮箱)|违法和不良信息举报|举报(电话|邮箱)[:：]/,
  /(微信公众号|官方微博)[:：]/,
];

/** A page field inside the line: a footer label followed by a colon and a value. */
const FIELD_LABEL = /(电话|邮箱|单位|所有|备案号|标识码|地址|邮编|传真)[:：]\s*\S/;
const CJK_G = /[\u3400-\u9fff]/g;

/** Does the line read as a report sentence rather than a footer: enough words, clauses, a full stop? */
function readsAsSentence(t: string): boolean {
  if (FIELD_LABEL.test(t)) return false;
  const cjk = t.match(CJK_G)?.length ?? 0;
  if (cjk < 20) return false;
  const clauses = t.split(/[，。；！？]/).filter((s) => s.trim()).length;
  return /[。！？]$/.test(t) || clauses >= 3;
}

/** Does this (normalised) line read as page chrome rather than report text? */
export function isChromeLine(norm: string): boolean {
  const t = norm.trim();
  if (!t) return false;
  if (FIELD_LINE.some((re) => re.test(t))) return true;
  if (!FOOTER_PHRASE.some((re) => re.test(t))) return false;
  return !readsAsSentence(t);
}
