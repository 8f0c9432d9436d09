/**
 * Web page chrome pasted with a report: navigation, publishing metadata and footers. The outline, the title and
 * the year reader skip it; the web-boilerplate rule reports it.
 *
 * Two kinds of evidence: a line that opens with a page field (发布时间:…) or is nothing but a page widget (微博,
 * 打印 关闭) is chrome whatever follows; a footer phrase (版权所有, 举报电话, 网站地图, 关怀版…) found inside a line
 * makes it chrome only when the line does not read as a report sentence — reports do write
 * “设立并向社会公布…投诉举报电话，…。” and “通过微信公众号发布…。”.
 */
import { closesSentence, hasSentenceEnd } from './sentence.js';
import { CJK, CJK_CLASS, countCjk } from './text.js';
import { textCache } from './cache.js';

/** Page fields and widgets: anchored at the line start, never report prose. */
const FIELD_LINE: RegExp[] = [
  /^(发布|发稿|更新|成文)(时间|日期)[:：]/,
  /^(访问|浏览|点击|阅读)(次数|量)[:：]?/,
  /^(信息|文章|稿件)?来源[:：]/,
  /^信息来源[:：]?$/,
  /^发布(机构|者|单位)[:：]?/,
  /^(作者|编辑|责任编辑|责编|审核|字号|字体)[:：]/,
  // a row of page controls, the last one cut where its buttons were images: 【打印】 【字体:
  /^(【?(打印|关闭|收藏|分享到?|字号|字体|大|中|小|返回顶部|打印本页|关闭窗口)[:：]?】?[\s|丨/]*){2,}$/,
  /^(微博|微信|微信公众号|公众号|今日头条|抖音|分享到|扫一扫|二维码|手机版|返回顶部|打印|关闭)[:：]?$/,
  /^(首页|当前位置)[\s>»：:]/,
  // "you are here" lines and breadcrumbs: 您当前所在位置：首页 > 政务公开 > …
  /^(您?(当前|现在)?(所在)?的?(所在)?位置|您的位置|所在位置)[:：]/,
  /^[^。，；！？]{0,20}(首页|主页|网站首页)\s*[>»›→＞]/,
  // previous / next links and the heading of a related-links list
  /^(上一篇|下一篇|上一条|下一条|上篇|下篇)[:：]?/,
  /^(相关链接|相关文章|相关阅读|相关新闻|相关推荐|相关文档|相关稿件|相关词条|相关专题|更多文章|更多阅读|推荐阅读|猜你喜欢|热门文章|热门推荐|热门词条|热门标签|延伸阅读|更多(>>|》|>)?)[:：]?$/,
  // a site's footer links, each alone on its line once a footer row is split (normalised text: 聯絡我們 → 联络我们)
  /^(联系我们|联络我们|关于我们|网站地图|网站声明|免责声明|隐私政策|使用帮助|意见反馈|网站纠错)$/,
  // QR-code prompts
  /^[【\[]?(扫一扫|扫码|扫描二维码|微信扫一扫|手机扫码|用手机扫描).{0,16}$/,
  /在手机(上)?打开(当前|本|此)页|^手机(扫码|扫描)(阅读|浏览|查看)/,
  // a page's time stamp with a column or source beside it: 时间:2023-05-07 17:15:05 公文范文 来源:网友投稿
  /^(时间|日期)[:：]\s*\d{4}[-/.年]/,
];

/**
 * What template, essay and document-sharing sites wrap around a text they offer (下面是小编为大家整理的…，供大家参考。
 * / 以上就是…，希望对您有所帮助。 / 《….docx》由会员分享，可在线阅读…): no report says these, whatever their length —
 * and no report cites a file by its name and extension (《….docx》).
 * The file name is tested by its last two characters before the extension (`[^《》]{2}`): the regex is only ever
 * tested, never matched for its span, and a run of 2–80 such characters ends with two of them, so the answer is the
 * same as for the name spelt `{2,80}` — without retrying up to 80 characters at every position of every line.
 */
export const TEMPLATE_PHRASE = new RegExp(`小编|由会员(分享|上传)|可(免费)?在线(阅读|预览)|请在[${CJK_CLASS}]{2,8}上搜索|\\d+页珍藏版|[^《》]{2}\\.(docx?|pdf|wps|pptx?|txt)》|范文(大全|精选)?$|供大家参考|仅供(大家)?参考(学习|借鉴)?[。！!]?$|希望(对|能)(您|你|大家)有所(帮助|启发)|网友投稿|公文范文|范文网|(免费|点击|立即)下载|下载(全文|文档|word|Word)|欢迎(下载|收藏|阅读|参考)|如有侵权|版权归原作者|本文(来源|来自)于?(网络|互联网|网友)`);

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

/** Does the line read as a report sentence rather than a footer: enough words, clauses, a full stop? */
function readsAsSentence(t: string): boolean {
  if (FIELD_LABEL.test(t)) return false;
  const cjk = countCjk(t);
  if (cjk < 20) return false;
  const clauses = t.split(/[，。；！？]/).filter((s) => s.trim()).length;
  return closesSentence(t) || clauses >= 3;
}

/**
 * Every line's verdict, kept by its text: the frame asks it of every line of the draft on every check, and a
 * keystroke changes one line (on a 100 KB draft the phrase tests were two fifths of the frame's re-check).
 */
const chromeVerdicts = textCache<boolean>(20_000, true);

/** Does this (normalised) line read as page chrome rather than report text? */
export function isChromeLine(norm: string): boolean {
  let verdict = chromeVerdicts.get(norm);
  if (verdict === undefined) chromeVerdicts.set(norm, (verdict = readsAsChrome(norm)));
  return verdict;
}

function readsAsChrome(norm: string): boolean {
  const t = norm.trim();
  if (!t) return false;
  if (FIELD_LINE.some((re) => re.test(t))) return true;
  if (TEMPLATE_PHRASE.test(t)) return true;
  if (!FOOTER_PHRASE.some((re) => re.test(t))) return false;
  return !readsAsSentence(t);
}

/** A list bullet that a page puts before its metadata fields (• 索引号:). */
const BULLET = /^[•·●▪■◆◇□►▶▸※\-*]\s*/;
/** Field names of government disclosure pages and article pages. */
const PAGE_FIELD =
  /^(信息|文件|政府信息|所属)?(栏\s*目|公文时效|时\s*效|索\s*引\s*号|主题分类|主题词|体裁分类|组配分类|服务对象|信息分类|信息类别|分\s*类|文\s*号|发文字号|发文机关|发文机构|发文单位|制发机构|发布机构|发布单位|公开方式|公开范围|公开时限|公开形式|公开责任部门|有\s*效\s*性|效力状况|(?:公文)?(?:发文|成文|生成|发布|更新|归档|印发|提供|公开)(?:时间|日期)|实施日期|废止日期|标\s*题|名\s*称|备\s*注|内容概述|内容摘要|摘\s*要|关\s*键\s*词|关键字|来\s*源|所属机构|统一编号|文件编号|登记号|时\s*间|日\s*期|作\s*者|编\s*辑|浏\s*览|阅\s*读|点\s*击|浏览次数|阅读次数|点击数|访问量|字\s*体|字\s*号|分\s*享|分享到)$/;
const DATE_STAMP = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?(\s*(星期|周)[一二三四五六日天])?$/;
const TIME_OR_WEEKDAY = /\d{1,2}[:：]\d{2}|(星期|周)[一二三四五六日天]|(浏览|阅读|点击|访问)(次数|量)?[:：]?\s*\d/;
/** Page controls that stand alone on a line once a row of them is split: 大 中 小, 【打印】, 默认, 简体|繁体. */
const CONTROL_LINE =
  /^([【\[(（]?(大|中|小|默认|标准|打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|收藏|收藏本页|分享|保存|纠错|我要纠错|返回|返回顶部|回到顶部|顶部|简体|繁体|简|繁|无障碍|长者版|关怀版|English|A\+|A-|A|Top)[】\])）]?[\s|丨/｜]*)+$/;

/**
 * A site's navigation row: three or more short items (中国政府网 | 重庆市人民政府网 区政府 网站专栏, 网站首页 | 政务公开
 * | 政务服务, 首页 政务公开 渝快办 互动交流), split by bars or spaces, none a sentence. A title with a space inside
 * (青山镇人民政府 关于2022年度…报告) and a joint signature (中共河西市委 河西市人民政府) have two items, one long.
 */
function isNavigationRow(t: string): boolean {
  if (/[。，；！？,;:：]/.test(t)) return false;
  const items = t.split(/\s*[|｜丨]\s*|\s+/).filter((x) => x);
  const barred = /[|｜丨]/.test(t);
  return (items.length >= 4 || (barred && items.length >= 2)) && items.every((x) => x.length <= 10 && !/(报告|汇报)$/.test(x));
}

/** A breadcrumb: short items joined by > » › → (政务公开 > 政务专题 > 法治政府建设), the head of it on another line or not. */
const BREADCRUMB = /^[>»›＞→]?\s*(?:[^。，；！？>»›＞→]{1,16}\s*[>»›＞→]\s*){2,}[^。，；！？>»›＞→]{1,16}$|^[>»›＞→]\s*[^。，；！？>»›＞→]{1,16}\s*[>»›＞→]\s*[^。，；！？>»›＞→]{1,16}$/;
/** A page's date-time stamp inside a short line (浙江/台州-2026-01-27 00:00:00): reports never write clock times so. */
const CLOCK_STAMP = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}[:：]\d{2}/;

/** A line read as `field: value` (or the field alone) of a page's metadata. */
export function pageField(norm: string): { field: string; value: string } | null {
  // a row of a metadata table (| 索引号:000014349/2026-02861 | |): the cell, without the bars and empty cells around it
  const t = norm.trim().replace(BULLET, '').replace(/^[|｜]\s*/, '').replace(/(?:\s*[|｜])+\s*$/, '');
  // [ 索引号 ] 11500111MB…: the field name in brackets instead of before a colon
  const m = /^([^:：。，；！？]{1,10})[:：]\s*(.*)$/.exec(t) ?? /^[[【]\s*([^\]】]{1,10}?)\s*[\]】]\s*(.*)$/.exec(t);
  // two field names in one label (备注/文号: 将镛委〔2025〕5号)
  if (!m || !m[1].split(/[/／]/).every((name) => PAGE_FIELD.test(name.trim()))) return null;
  return { field: m[1].trim(), value: m[2].trim() };
}

/**
 * Page furniture by form, for the lines outside a report's body (before its title, between the title and the first
 * paragraph, after its signature): a page's metadata field, a time stamp (with a time, a weekday or a view count), a
 * lone page control. Inside the body the same shapes can be report text, so only isChromeLine applies there.
 */
export function isPageFurniture(norm: string): boolean {
  const t = norm.trim();
  if (!t) return false;
  if (isChromeLine(t)) return true;
  const plain = t.replace(BULLET, '');
  if (pageField(plain)) return true;
  if (CONTROL_LINE.test(plain)) return true;
  if (isNavigationRow(plain) || BREADCRUMB.test(plain)) return true;
  if (isShortLine(plain) && CLOCK_STAMP.test(plain)) return true;
  if (DATE_STAMP.test(plain) && TIME_OR_WEEKDAY.test(plain)) return true;
  // a header line: an organ or site name with today's date and weekday (天津市静海区人民政府 2019年12月3日星期二)
  if (plain.length <= 40 && /\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]/.test(plain)) return true;
  // several fields on one line: 来源:… 发布时间:… / 索引号 | … | 主题分类 | …
  const fields = plain.split(/\s{2,}|[|｜丨]|\s+(?=[^\s:：]{1,8}[:：])/).filter((x) => x.trim());
  if (fields.length >= 2 && fields.filter((x) => pageField(x) || PAGE_FIELD.test(x.trim()) || DATE_STAMP.test(x.trim())).length >= 2) return true;
  // a page field with a clock time, whatever stands before it (湘潭县人民政府门户网站 www.… 发布时间:2025-12-31 16:33):
  // a report never writes a clock time after a field name
  const clock = CLOCK_STAMP.exec(plain);
  const fieldBefore = clock && /([^\s:：]{1,10})\s*[:：]\s*$/.exec(plain.slice(0, clock.index));
  if (fieldBefore && PAGE_FIELD.test(fieldBefore[1])) return true;
  // a metadata table whose cells lost their bars and colons, one space apart (索引号 /2025-00251 生成日期 2025-01-16,
  // 组配分类 法治政府建设报告 主题分类): two or more whole words that are field names, and no sentence
  const words = plain.split(/\s+/);
  if (words.length >= 3 && words.filter((w) => PAGE_FIELD.test(w)).length >= 2 && !/[。，；！？,;]/.test(plain)) return true;
  return false;
}

/** A bare date or date-time stamp (2023-03-28, 2024年03月06日 16:40): a value of a page field or a link's date. */
export function isDateStamp(norm: string): boolean {
  return DATE_STAMP.test(norm.trim().replace(BULLET, ''));
}

/** Short and not a sentence: what column names, link titles and field values look like. */
export function isShortLine(norm: string): boolean {
  const t = norm.trim();
  return t.length > 0 && t.length <= 40 && !hasSentenceEnd(t, { semicolon: true });
}

/**
 * A template site's watermark glued into the text it offers (秘书之家—全网资源每日更新www.mishuzj.com): a site's
 * name, a dash and its slogan, then its address — or the same name-and-address found more than once. A government
 * address (www.gov.cn, www.12348.gov.cn) is how a report cites a portal, never a watermark.
 */
const WATERMARK_TAIL = new RegExp(String.raw`(?:[—–-]{1,2}[${CJK_CLASS}]{2,16})?\s*(?:https?:\/\/)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|cn|org|cc|top|vip|info)(?![a-z0-9.])`, 'gi');
/** The longest site name looked for before a watermark's address. */
const SITE_NAME_MAX = 10;

/** Where the spaces before offset `at` start. */
const spaceBefore = (t: string, at: number) => {
  while (at > 0 && /\s/.test(t[at - 1])) at--;
  return at;
};
/** What a watermark's name may be but a label is: 网址 www.….com is how a contact line gives an address. */
const ADDRESS_LABEL = /(网址|网站|地址|主页|官网|域名|链接)$/;
/** A site's slogan after its name (公文汇,办公文档之家): a short Han phrase, nothing of a sentence. */
const SLOGAN_TAIL = new RegExp(String.raw`^(?:\s*[,，、—–-]\s*[${CJK_CLASS}]{2,12})?\s*$`);

/**
 * Watermarks inside lines of report text, as ranges of each text. The site's name is bounded by what stands before
 * it: the name is the Han run that precedes every copy and stands alone (at a line's start or after a mark) before
 * at least one — so prose around a copy (…第一秘书之家—…) is never taken for the name. Without such a copy, nothing.
 *
 * Two more shapes, by where they stand: a name set off by a space (or alone on its line), a space, and the address
 * ending the line (…合法性审查工作 稿子汇 www.gaozihui.com) — report prose cites an address inside a sentence, never
 * tacked on after a space at a line's end; and, once a site's name is known from its watermarks, the same name set
 * off by a space at a line's end, with or without its slogan (…习近平法治思想 公文汇,办公文档之家).
 */
export function findWatermarks(texts: readonly string[]): { text: number; from: number; to: number }[] {
  const hits: { setOff: boolean; text: number; at: number; to: number; run: string; bounded: boolean; slogan: boolean; tail: string }[] = [];
  texts.forEach((t, k) => {
    WATERMARK_TAIL.lastIndex = 0;
    for (let m = WATERMARK_TAIL.exec(t); m; m = WATERMARK_TAIL.exec(t)) {
      if (/gov\./i.test(m[0])) continue;
      let a = m.index;
      while (a > 0 && m.index - a < SITE_NAME_MAX && CJK.test(t[a - 1])) a--;
      const bounded = a === 0 || !CJK.test(t[a - 1]);
      // set off: the name after a space or at the line's start, a space, the address ending the line
      const setOff = (a === 0 || /\s/.test(t[a - 1])) && m.index - a >= 2 && /^\s/.test(m[0]) && !t.slice(m.index + m[0].length).trim() && !ADDRESS_LABEL.test(t.slice(a, m.index));
      hits.push({ setOff, text: k, at: m.index, to: m.index + m[0].length, run: t.slice(a, m.index), bounded, slogan: /^[—–-]/.test(m[0]), tail: m[0].replace(/\s+/g, '') });
    }
  });
  const out: { text: number; from: number; to: number }[] = [];
  const names = new Set<string>();
  for (const tail of new Set(hits.map((h) => h.tail))) {
    const copies = hits.filter((h) => h.tail === tail);
    if (copies.length === 1 && copies[0].setOff) {
      const h = copies[0];
      out.push({ text: h.text, from: h.at - h.run.length, to: h.to });
      names.add(h.run);
      continue;
    }
    if (!copies[0].slogan && copies.length < 2) continue;
    // the name: a bounded run that ends every copy's run
    const name = copies
      .filter((h) => h.bounded && h.run.length >= 2)
      .map((h) => h.run)
      .find((n) => copies.every((h) => h.run.endsWith(n)));
    if (!name) continue;
    for (const h of copies) out.push({ text: h.text, from: h.at - name.length, to: h.to });
    names.add(name);
  }
  // a known site's name set off by a space at a line's end, its slogan after it or not
  for (const name of names) {
    texts.forEach((t, k) => {
      for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + 1)) {
        if (at > 0 && !/\s/.test(t[at - 1])) continue;
        const rest = t.slice(at + name.length);
        if (!SLOGAN_TAIL.test(rest) || out.some((w) => w.text === k && w.from <= at && at < w.to)) continue;
        out.push({ text: k, from: at, to: at + name.length + rest.trimEnd().length });
      }
    });
  }
  // a watermark ending its line goes with the space that set it off
  for (const w of out) if (!texts[w.text].slice(w.to).trim()) w.from = spaceBefore(texts[w.text], w.from);
  return out.sort((a, b) => a.text - b.text || a.from - b.from);
}
