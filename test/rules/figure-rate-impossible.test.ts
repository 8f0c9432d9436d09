import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

const over = (paragraph: string, rate: string, figure: string) => {
  const code = report(paragraph);
  return { code, errors: [{ messageId: 'over' as const, ...spanOf(code, figure), data: { rate }, message: `比率“${rate}”超过100%` }] };
};

ruleTester('figure-rate-impossible', {
  valid: [
    { name: 'growth may exceed 100%', code: report('办案量同比增长150%。') },
    { name: 'over-fulfilment is not a share', code: report('违法建设整治完成进度120%。') },
    { name: 'exactly 100%', code: report('矛盾纠纷化解率达100%。') },
    { name: 'percentage points', code: report('群众满意率提高105个百分点。') },
  ],
  invalid: [
    { name: 'a success rate above 100%', ...over('行政复议案件调解成功率达120%。', '行政复议案件调解成功率120%', '120%') },
    { name: 'satisfaction above 100%', ...over('群众满意度达101%。', '群众满意度101%', '101%') },
    { name: 'a share above 100%', ...over('行政许可事项网上办理占比105%。', '行政许可事项网上办理占比105%', '105%') },
  ],
});
