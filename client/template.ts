/**
 * The draft "new report from template" creates: the title, every statutory section of 督察规定 in its order,
 * each with a bracketed note on what belongs there (reported as placeholder text until the writer replaces
 * it — intended), and the signature block. Pure: no editor API, so tests check it with the core.
 */
export function reportTemplate(organ: string, year: number): string {
  const next = year + 1;
  return [
    `${organ}关于${year}年度法治政府建设情况的报告`,
    '',
    `${year}年，${organ}【在此概述全年推进法治政府建设的总体情况】。现将有关情况报告如下：`,
    '',
    `一、${year}年推进法治政府建设的主要举措和成效`,
    '',
    '（一）【举措一的标题】',
    '',
    '【写明采取的主要举措和取得的成效，用数字、时间和文件说明，如“全年审查规范性文件12件”】',
    '',
    `二、${year}年推进法治政府建设存在的不足和原因`,
    '',
    '【逐条列出存在的不足，并分析每一条的原因（如“由于……”“主要原因是……”）】',
    '',
    '三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '',
    '【写明主要负责人专题研究法治工作、带头学法、述法、出庭应诉等履职事实，注明次数、时间和文件】',
    '',
    `四、${next}年推进法治政府建设的主要安排`,
    '',
    '【针对第二部分的每一条不足写明对应措施】',
    '',
    '五、其他需要报告的情况',
    '',
    '【如无其他需要报告的情况，可删去本部分】',
    '',
    organ,
    `${next}年【月】【日】`,
    '',
  ].join('\n');
}
