/** Small annual reports written for the checklist tests: Word-pasted style (one line per paragraph, no blank lines). */
export const TITLE = '某县司法局2021年法治政府建设情况的报告';
export const OPENING = '2021年，县司法局在县委、县政府的领导下，扎实推进法治政府建设，现将有关情况报告如下。';
export const SIGNATURE = ['某县司法局', '2022年2月20日'];

export const MEASURES = ['一、主要举措和成效', '（一）推进依法行政。全年审查规范性文件26件，办理行政复议案件41件，纠错率12%。', '（二）加强执法监督。开展行政执法案卷评查2次，评查案卷180卷。'];
export const PROBLEMS = [
  '二、存在的不足和原因',
  '一是行政执法人员专业能力不足，由于执法人员多为转岗人员，缺乏系统培训。二是基层司法所力量薄弱，受编制限制影响，人员配备不到位。',
];
export const FIRST_RESPONSIBLE = [
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '局主要负责人1月18日主持召开党组会议专题研究法治政府建设工作，全年听取法治工作汇报3次；带头学法，全年组织党组理论学习中心组学法6次；年底在全县述法评议会上述法1次。',
];
export const PLANS = ['四、2022年推进法治政府建设的主要安排', '（一）加强执法人员培训。分批组织执法人员系统培训，提升专业能力。', '（二）充实基层司法所力量。争取编制，配齐司法所人员。'];

export function report(...parts: string[][]): string {
  return [TITLE, OPENING, ...parts.flat(), ...SIGNATURE].join('\n') + '\n';
}

/** Renumber the top-level headings of parts 一、二、三… in order (for reports that leave an item out). */
export function renumbered(...parts: string[][]): string[][] {
  const cn = '一二三四五六七八九十';
  return parts.map((p, i) => [p[0].replace(/^[一二三四五六七八九十]+、/, cn[i] + '、'), ...p.slice(1)]);
}

/**
 * Problems and plans under one heading, each problem with its cause and its own remedy, then a plan paragraph
 * opening with the year planned for (report year 2021): how many merged sections are written.
 */
export const MERGED_PAIRS = report(
  MEASURES,
  FIRST_RESPONSIBLE.map((l) => l.replace('三、', '二、')),
  [
    '三、存在的不足及下一步工作安排',
    '（一）执法人员专业能力不足。执法人员多为转岗人员，原因是缺乏系统培训。2022年，分批组织执法人员系统培训。',
    '（二）基层司法所力量薄弱。受编制限制影响，人员配备不到位。下一步，争取编制，配齐司法所人员。',
    '（三）2022年，全面落实法治政府建设实施纲要，开展示范创建。',
  ],
);
