/**
 * Which areas of work a report's measures cover: for a government (or a joint report of the Party committee and the
 * government), the nine areas of the 《法治政府建设实施纲要（2021—2025年）》; for any body, the areas its config
 * lists (`"profile": { "areas": […] }`, a department's own list). A view for the writer and the reviewer (the
 * checklist view, `--checklist`, the JSON output), never a finding: a government may report an area under another
 * name, and an area not mentioned is a question to ask, not a fault.
 *
 * Each area is recognised by meaning, as the statutory items are: a family of the words a report uses for the work
 * of that area (放管服, 营商环境 for government functions; 行政复议, 人民调解 for disputes), looked for in the blocks
 * of the measures section (its headings and paragraphs), never in the problems or plans. The area's line is the
 * first block that names it. The 纲要's own headings are not quoted (the text is not verified here): the catalogue
 * paraphrases each area (rules/messages, `area_*`).
 */
import type { Report } from './report.js';
import type { ProfileKind } from './profile.js';
import { itemBlocks } from './content.js';
import { normalize } from './normalize.js';

export type GangyaoArea = 'functions' | 'lawmaking' | 'decisions' | 'enforcement' | 'emergency' | 'disputes' | 'supervision' | 'digital' | 'leadership';

/** In the 纲要's order (its parts two to ten). */
export const GANGYAO_AREAS: readonly GangyaoArea[] = ['functions', 'lawmaking', 'decisions', 'enforcement', 'emergency', 'disputes', 'supervision', 'digital', 'leadership'];

/**
 * The words that report each area, on normalised (simplified, width-folded) text. Words a report uses for the work
 * itself, specific enough that a paragraph of another area seldom has them: 监督 of 市场监督管理 is a body's name,
 * not supervision; a bare 平台 or 考核 is any area's.
 */
const AREA_WORDS: Record<GangyaoArea, RegExp> = {
  functions: /政府职能|职能转变|放管服|简政放权|放权赋能|营商环境|行政审批|审批制度|审批服务|权责清单|权力清单|负面清单|政务服务|证明事项|告知承诺|市场准入|行政许可|事中事后监管|优化服务/,
  lawmaking: /立法|规章|规范性文件|合法性审核|备案审查|文件清理|法规清理|地方性法规/,
  decisions: /重大行政决策|行政决策|决策程序|决策事项|法律顾问|公职律师|公众参与|专家论证|风险评估|集体讨论决定|合法性审查/,
  enforcement: /行政执法|执法三项制度|执法公示|全过程记录|法制审核|综合执法|执法人员|执法证件|执法案卷|案卷评查|行政处罚|行政检查|行政强制|包容审慎|首违不罚|轻微违法|执法队伍|执法监督|执法规范/,
  emergency: /突发事件|应急管理|应急预案|应急处置|应急演练|应急响应|应急能力|应急体系|应急法治|防汛|防灾减灾/,
  disputes: /矛盾纠纷|纠纷化解|化解纠纷|行政复议|调解|信访|行政裁决|仲裁|多元化解|诉源治理|行政应诉|出庭应诉|枫桥经验|公共法律服务|法律援助/,
  supervision: /(?<!市场)监督(?!管理)|政务公开|信息公开|审计|督查|问责|政务诚信|权力运行|制约机制|人大代表建议|政协委员提案|建议提案/,
  digital: /数字法治|数字政府|信息化|数字化|智慧|互联网\+|大数据|电子证照|电子政务|一网通办|一网统管|网上办|掌上办|一体化平台|区块链|人工智能/,
  leadership: /党的领导|党对法治|党委常委会|党组(?:会议|理论学习中心组)|理论学习中心组|习近平法治思想|学法|述法|法治督察|法治政府建设.{0,4}(?:考核|考评)|示范创建|推进机制|第一责任人|法治建设.{0,4}(?:责任|领导)/,
};

/** An area as a config names it: its name and the words that report it (engine/settings.ts CoverageArea). */
export interface ConfiguredArea {
  name: string;
  terms: readonly string[];
}

/** One area of the list: where the measures report on it. */
export interface AreaCoverage {
  /** the 纲要's area (an id the catalogue names), or a config area's name */
  area: string;
  /** true: a config area, named by its own `name`; false: the 纲要's, named by the catalogue (`area_<id>`) */
  configured: boolean;
  /** the first line of the measures section that reports on it; null: not mentioned */
  line: number | null;
}

export interface Coverage {
  /** whose list: the 纲要's nine areas, or the config's own */
  source: 'gangyao' | 'config';
  areas: AreaCoverage[];
  /** areas with a line */
  covered: number;
}

/** The profiles the 纲要's areas are read for: a government's own report, or the joint report it issues with its Party committee. */
const GANGYAO_PROFILES: readonly ProfileKind[] = ['government', 'joint'];

/**
 * The coverage list of a report, or null when none applies (a department, township or unknown body without
 * areas of its own in the config). The config's areas, when it lists some, replace the 纲要's for any profile.
 */
export function coverageOf(report: Report, profile: ProfileKind, configured: readonly ConfiguredArea[] | null): Coverage | null {
  const own = configured && configured.length ? configured : null;
  if (!own && !GANGYAO_PROFILES.includes(profile)) return null;
  const blocks = itemBlocks(report, report.entry('measures'));
  const lineOf = (test: (text: string) => boolean): number | null => blocks.find((b) => test(b.norm.text))?.line ?? null;
  const areas: AreaCoverage[] = own
    ? own.map((a) => {
        // the config's words as the report's text is compared: simplified, width-folded
        const terms = a.terms.map((t) => normalize(t)).filter(Boolean);
        return { area: a.name, configured: true, line: lineOf((text) => terms.some((t) => text.includes(t))) };
      })
    : GANGYAO_AREAS.map((id) => ({ area: id, configured: false, line: lineOf((text) => AREA_WORDS[id].test(text)) }));
  return { source: own ? 'config' : 'gangyao', areas, covered: areas.filter((a) => a.line !== null).length };
}
