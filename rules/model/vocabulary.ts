/**
 * Synonym families for the five statutory items of 督察规定 (the content of an annual report). Matched against
 * normalised (simplified, width-folded) heading text, so one family covers traditional and half-width forms.
 */
import { zhCN } from '../messages/zh-CN.js';

export type StatutoryItem = 'measures' | 'problems' | 'first-responsible' | 'plans' | 'other';

export const STATUTORY_ITEMS: readonly StatutoryItem[] = ['measures', 'problems', 'first-responsible', 'plans', 'other'];

/** Items every report must have (the fifth, 其他需要报告的情况, is optional). */
export const REQUIRED_ITEMS: readonly StatutoryItem[] = ['measures', 'problems', 'first-responsible', 'plans'];

export const ITEM_HEADING: Record<StatutoryItem, RegExp> = {
  measures:
    /(主要)?(举措|措施|做法|工作)(和|与|及|、)?(主要)?(成效|成果|成绩|亮点)|主要(举措|做法|措施|工作|成效|成绩)|(工作|建设|完成|开展|进展|推进|落实|总体|基本|履职)情况$|工作(完成|开展|推进|落实)?情况|基本情况|完成情况|开展情况|进展情况|工作成效|取得的?(成效|成绩|进展)|工作回顾|工作总结|建设成效/,
  problems:
    /存在(的)?(主要)?(问题|不足|困难|短板|差距|薄弱)|(问题|不足|困难|短板|差距)(和|与|及|、)(原因|不足|困难|短板|差距|问题|挑战)|不足之处|主要(问题|不足)|薄弱环节|短板弱项|差距和不足|^(问题|不足)$|面临的(问题|困难|挑战)|问题与原因|问题及原因/,
  'first-responsible':
    /第一责任人|(主要负责人|主要负责同志|主要领导|一把手).{0,12}(履行|履职|职责)|履行推进法治建设.{0,4}职责/,
  plans:
    /下一?年度?|下一步|明年|今后|来年|(\d{4})年.{0,16}(计划|安排|打算|思路|要点|重点|目标)|工作(计划|要点|打算|思路|安排|重点|目标)|主要安排|计划安排|改进(措施|举措|方向|计划|打算|思路)|整改(措施|方向|计划)|努力方向|工作(展望|设想)|展望/,
  other: /其他需要报告|其他(事项|情况)$|其他$/,
};

const PROBLEM_ENDING = /(问题|不足|短板|差距|困难|弱项|挑战|薄弱环节)(及其?|和|与)?(原因|原因分析|成因)?[。：]?$/;
const TACKLED = /解决|化解|整治|整改|处理|回应|破解|攻克|排查|调处|办理/;

/**
 * A plan carried out (紧扣市委“138”工作安排, 认真落实《2024年工作要点》): the plan word is what a measure implements,
 * not the report's own plans for next year.
 */
const PLAN_CARRIED_OUT = /(?:紧扣|落实|贯彻|按照|根据|围绕|对照|依据|执行|对标)[^，。；,;]{0,20}?(?:计划|要点|安排|部署|打算|思路)/g;

/** Which statutory items a heading title names. First-responsible wording suppresses the measures family's 情况 words. */
export function itemsNamedBy(title: string): StatutoryItem[] {
  const t = title.trim();
  const found: StatutoryItem[] = [];
  for (const item of STATUTORY_ITEMS) if (ITEM_HEADING[item].test(item === 'plans' ? t.replace(PLAN_CARRIED_OUT, '') : t)) found.push(item);
  // "工作中的不足", "面临的困难和挑战": a heading ending in a shortcoming word, unless it says the shortcoming was tackled
  if (!found.includes('problems') && PROBLEM_ENDING.test(t) && !TACKLED.test(t)) found.splice(found.includes('measures') ? 1 : 0, 0, 'problems');
  if (found.includes('first-responsible')) return found.filter((i) => i !== 'measures');
  // "针对存在问题的下一步打算": the plan answers the problem; it is one plans item
  if (found.includes('plans') && found.includes('problems') && /针对|围绕|聚焦/.test(t)) return found.filter((i) => i !== 'problems');
  return found;
}

/** Opening words of a paragraph that carries an item inside another section (一是落实…第一责任人职责). */
export const ITEM_INSIDE: Record<StatutoryItem, RegExp> = {
  measures: /^$/,
  problems: /^(存在(的)?(主要)?(问题|不足)|(主要)?(问题|不足)(是|有|主要|表现)|不足之处)/,
  'first-responsible': /第一责任人|(主要负责人|主要负责同志|主要领导|一把手).{0,12}(履行|履职)|履行推进法治建设.{0,4}职责/,
  plans: /^(下一?年度?|下一步|明年|今后|\d{4}年[，,]?(我|全)(局|区|县|市|镇|街|委|办))/,
  other: /^其他需要报告/,
};

/**
 * A sentence of running text that reports the first-responsible duty (…区长带头履行推进法治建设第一责任人职责，…;
 * 主要负责同志认真履行法治建设职责): matched on a sentence with its 《》 titles and quotations blanked, so citing
 * 《党政主要负责人履行推进法治建设第一责任人职责规定》 is not reporting the duty.
 */
export const FIRST_RESPONSIBLE_SENTENCE =
  /第一责任人.{0,6}(职责|责任|述法|履职)|(履行|落实|压实|扛起|担负|肩负|带头).{0,16}第一责任人|(主要负责人|主要负责同志|主要领导|一把手|书记|区长|县长|市长|镇长|乡长|局长|主任).{0,10}(履行|落实).{0,10}(推进)?法治(建设|政府建设)?.{0,4}(职责|责任)/;

/** The items' names as findings quote them: the catalogue's (rules/messages), written there once. */
export const ITEM_LABEL_ZH: Record<StatutoryItem, string> = {
  measures: zhCN.ui.item_measures,
  problems: zhCN.ui.item_problems,
  'first-responsible': zhCN.ui['item_first-responsible'],
  plans: zhCN.ui.item_plans,
  other: zhCN.ui.item_other,
};
