/**
 * Counting units and the families they compare in: 件, 宗 and 起 all count matters, so 20宗 and 20件 are the same
 * figure; 人 counts people and 人次 attendances, so they never compare.
 */

export interface UnitInfo {
  /** the unit figures of this family are compared in (万元 → 元) */
  base: string;
  /** factor to the base unit */
  factor: number;
  family: string;
}

const FAMILIES: Record<string, string[]> = {
  matter: ['件', '宗', '起', '例'],
  times: ['次', '遍', '轮'],
  session: ['场', '场次', '期'],
  person: ['人', '名', '位'],
  attendance: ['人次'],
  matterTimes: ['件次'],
  item: ['项', '条'],
  piece: ['个'],
  organisation: ['家', '所'],
  place: ['处'],
  document: ['份', '篇', '本', '册', '卷', '套', '部'],
  batch: ['批', '批次'],
  household: ['户'],
  householdTimes: ['户次'],
  vehicle: ['辆', '台'],
  sheet: ['张'],
  room: ['间'],
  area: ['平方米', '平方公里', '亩', '公顷'],
  length: ['米', '公里'],
  weight: ['吨'],
  percent: ['%'],
  points: ['个百分点'],
};

const MONEY: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

const TABLE = new Map<string, UnitInfo>();
for (const [family, units] of Object.entries(FAMILIES)) {
  for (const u of units) TABLE.set(u, { base: u, factor: 1, family });
}
for (const [u, f] of Object.entries(MONEY)) TABLE.set(u, { base: '元', factor: f, family: 'money' });
// 人 and 名 count the same people; report them in the unit written but compare as one family
for (const u of ['名', '位']) TABLE.set(u, { base: '人', factor: 1, family: 'person' });
for (const u of ['宗', '起', '例']) TABLE.set(u, { base: '件', factor: 1, family: 'matter' });

/** Units longest first, for the extractor's alternation (平方米 before 米, 人次 before 人). */
export const UNIT_ALTERNATION = [...TABLE.keys()]
  .filter((u) => u !== '%' && u !== '万元' && u !== '亿元')
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

export function unitInfo(unit: string): UnitInfo {
  return TABLE.get(unit) ?? { base: unit, factor: 1, family: unit || 'count' };
}
