import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix, fixAll, check } from '../../rules/index.js';
import { residueRules } from '../../rules/residue/index.js';
import { ruleTester } from '../helpers/ruleTester.js';

ruleTester('traditional-characters', {
  valid: [
    '全区法治政府建设取得新进展，依法行政水平明显提升。',
    // a quoted traditional name does not make a traditional report
    '与台湾“臺灣法律扶助基金會”开展交流，深化两岸法治合作，推进法治政府建设，依法行政水平明显提升，群众满意度持续上升。',
    '乾隆年间的古建筑保护工作依法推进，皇后宫遗址纳入保护范围。',
  ],
  invalid: [
    {
      name: 'once per file, on the first line that has them; the fix converts the whole file',
      code: '2022年工作总结\n區司法局堅持以習近平法治思想為指導，加強法治政府建設。\n完善行政復議體制，發揮調解作用。\n',
      errors: [{ messageId: 'traditional', line: 2, column: 1, fixes: ['convert'] }],
      output: '2022年工作总结\n区司法局坚持以习近平法治思想为指导，加强法治政府建设。\n完善行政复议体制，发挥调解作用。\n',
    },
  ],
});

describe('traditional-characters', () => {
  test('once per file, on the first line that has them; the fix converts phrase-aware with minimal edits', () => {
    const text = '2022年工作总结\n區司法局堅持以習近平法治思想為指導，加強法治政府建設。\n完善行政復議體制，發揮調解作用。\n';
    const f = runRule('traditional-characters', text);
    expect(f).toHaveLength(1);
    expect(f[0].line).toBe(2);
    const out = fix(text, f).output;
    expect(out).toBe('2022年工作总结\n区司法局坚持以习近平法治思想为指导，加强法治政府建设。\n完善行政复议体制，发挥调解作用。\n');
    // only changed characters are edited
    for (const e of f[0].fixes[0].edits) expect(e.newText.length).toBe(e.end - e.start);
  });

  test('composes with mojibake: debris brackets are left to the strip fix', () => {
    const text = '香洲區(qū)司法局在區(qū)委的正確領(lǐng)導(dǎo)下，堅持依法行政，完善制度建設(shè)。\n';
    const f = runRule('traditional-characters', text);
    for (const e of f[0].fixes[0].edits) expect(text.slice(e.start, e.end)).not.toMatch(/[()a-zāáǎà]/);
    const both = check(text, { rules: residueRules }).findings;
    expect(fix(text, both).output).toBe('香洲区司法局在区委的正确领导下，坚持依法行政，完善制度建设。\n');
    expect(fixAll(text, { rules: residueRules }).output).toBe('香洲区司法局在区委的正确领导下，坚持依法行政，完善制度建设。\n');
  });

});
