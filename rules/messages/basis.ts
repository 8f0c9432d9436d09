/**
 * The texts a hover or rule page may quote verbatim (the catalogue's "Text that may be quoted"). Anything else
 * about a basis is paraphrased and says so.
 */
export interface BasisText {
  name: string;
  quote: string;
}

export const BASIS = {
  content: {
    name: '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）',
    quote:
      '上一年度推进法治政府建设的主要举措和成效；上一年度推进法治政府建设存在的不足和原因；上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况；下一年度推进法治政府建设的主要安排；其他需要报告的情况。',
  },
  publication: {
    name: '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）',
    quote: '每年4月1日之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，应当通过报刊、网站等新闻媒体向社会公开，接受人民群众监督。',
  },
  firstResponsible: {
    name: '《党政主要负责人履行推进法治建设第一责任人职责规定》',
    quote:
      '对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办；定期听取有关工作汇报，及时研究解决有关重大问题，将法治建设纳入地区发展总体规划和年度工作计划；带头尊法学法守法用法',
  },
  documentDate: {
    name: 'GB/T 9704-2012《党政机关公文格式》7.3.5',
    quote: '用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）',
  },
  language: {
    name: '《中华人民共和国国家通用语言文字法》',
    quote: '国家机关以普通话和规范汉字为公务用语用字',
  },
  headingLevels: {
    name: 'GB/T 9704-2012《党政机关公文格式》7.3.3',
    quote: '',
  },
  documentNumber: {
    name: 'GB/T 9704-2012《党政机关公文格式》',
    quote: '',
  },
  practice: {
    name: '审阅实践',
    quote: '',
  },
} as const satisfies Record<string, BasisText>;

/** A rule's basis key → what hovers show; a closed union, so a rule cannot name a basis that has no text. */
export type BasisKey = keyof typeof BASIS;
