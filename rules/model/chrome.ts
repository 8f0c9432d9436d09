/**
 * Web page chrome pasted with a report: navigation, publishing metadata and footers. The outline, the title and
 * the year reader skip it; the web-boilerplate rule reports it.
 */

const CHROME_LINE: RegExp[] = [
  /^(发布|发稿|更新|成文)(时间|日期)[:：]/,
  /^(访问|浏览|点击|阅读)(次数|量)[:：]?/,
  /^(信息)?来源[:：]/,
  /^信息来源[:：]?/,
  /^发布(机构|者|单位)[:：]?/,
  /^(作者|编辑|责任编辑|责编|审核)[:：]/,
  /网站无障碍|无障碍浏览|关怀版|长者模式|适老化/,
  /法律声明.*(网站地图|关于我们|联系我们|使用帮助)|(网站地图|关于我们|联系我们).*(法律声明|使用帮助)/,
  /版权所有|主办单位[:：]|承办单位[:：]|技术支持[:：]|copyright|©/i,
  /ICP备|公网安备|网站标识码|网站识别码/,
  /本网站.*(举报电话|举报邮箱)|违法和不良信息举报/,
  /^(【?(打印|关闭|收藏|分享到?|字号|大|中|小|返回顶部)】?[\s|丨/]*){2,}$/,
  /^(微博|微信|微信公众号|今日头条|抖音|分享到|扫一扫)$/,
  /^(首页|当前位置)[\s>»]/,
];

/** Does this (normalised) line read as page chrome rather than report text? */
export function isChromeLine(norm: string): boolean {
  const t = norm.trim();
  if (!t) return false;
  // a report sentence (ends in 。 and is long) that mentions a hotline is report text
  if (/。$/.test(t) && t.length > 40) return false;
  return CHROME_LINE.some((re) => re.test(t));
}
