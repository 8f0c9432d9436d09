/**
 * Pairs of reports of one organ in consecutive years, written for the rules that read last year's report beside
 * this year's (plan-followup, text-recycled). Word-pasted style: one line per paragraph.
 */
export interface PairPart {
  organ?: string;
  year: number;
  measures: string[];
  problems: string[];
  plans: string[];
}

export function yearReport({ organ = '河西县司法局', year, measures, problems, plans }: PairPart): string {
  return [
    `${organ}${year}年法治政府建设情况的报告`,
    `${year}年，${organ}在县委、县政府的领导下，扎实推进法治政府建设，现将有关情况报告如下。`,
    '一、主要举措和成效',
    ...measures,
    '二、存在的不足和原因',
    ...problems,
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    `局主要负责人1月${10 + (year % 10)}日主持召开党组会议专题研究法治政府建设工作，全年听取法治工作汇报${year % 7}次。`,
    `四、${year + 1}年主要安排`,
    ...plans,
    organ,
    `${year + 1}年2月20日`,
  ].join('\n') + '\n';
}

/** Last year's report of the pairs: four plans. */
export const LAST_YEAR: PairPart = {
  year: 2022,
  measures: ['（一）推进依法行政。全年审查规范性文件26件，办理行政复议案件41件，行政复议纠错率8%。', '（二）深化普法宣传。开展“法律进乡村”活动32场，受众1.2万人次。'],
  problems: [
    '一是行政执法人员专业能力不足，部分执法人员对新修订的法律法规掌握不够，主要原因是执法人员多为转岗人员，缺乏系统培训。二是基层司法所力量薄弱，受编制限制影响，司法所人员配备不到位。',
  ],
  plans: [
    '（一）加强行政执法人员培训。分批组织执法人员参加系统的法律知识培训，全面提升执法能力。',
    '（二）充实基层司法所力量。积极争取编制，配齐配强司法所工作人员。',
    '（三）建设公共法律服务中心。在县城建成一站式公共法律服务中心，整合律师、公证、调解等服务。',
    '（四）推行行政复议案件繁简分流。简易案件快速审理，缩短办案周期。',
  ],
};

/** This year's measures reporting on each of last year's plans in other words (one per plan, in order). */
export const FOLLOWED = [
  '（一）提升执法队伍素质。举办执法人员法律知识轮训班4期，全县320名执法人员全部参训，考试合格率98%。',
  '（二）加强司法所建设。新增司法所政法专项编制6名，全县司法所均配备2名以上工作人员。',
  '（三）优化公共法律服务。县公共法律服务中心于9月建成投用，律师、公证、调解窗口集中办公。',
  '（四）提高行政复议效率。对简易复议案件实行繁简分流、快速审理，平均办案周期缩短至35天。',
];

export const THIS_YEAR_PROBLEMS = ['一是普法宣传针对性不强，原因是对群众法律需求调研不够。二是行政执法监督信息化水平不高，原因是平台建设投入不足。'];
export const THIS_YEAR_PLANS = ['（一）提高普法针对性。开展群众法律需求调研，按需确定普法内容。', '（二）建设行政执法监督平台。年内上线全县行政执法监督平台。'];

export function thisYear(measures: string[], over: Partial<PairPart> = {}): string {
  return yearReport({ year: 2023, measures, problems: THIS_YEAR_PROBLEMS, plans: THIS_YEAR_PLANS, ...over });
}

export const PREVIOUS = yearReport(LAST_YEAR);

/** 1-based line of the first line of `text` containing `part`. */
export function lineOf(text: string, part: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(part));
  if (i < 0) throw new Error(`lineOf: “${part}” not in the text`);
  return i + 1;
}
