import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('figure-rate-impossible', report(...p));

describe('figure-rate-impossible', () => {
  test('a success rate above 100%', () => {
    expect(run('行政复议案件调解成功率达120%。').map((f) => f.message)).toEqual(['比率“行政复议案件调解成功率120%”超过100%']);
  });
  test('satisfaction above 100%', () => expect(run('群众满意度达101%。')).toHaveLength(1));
  test('a share above 100%', () => expect(run('行政许可事项网上办理占比105%。')).toHaveLength(1));
  describe('look-alikes that must stay silent', () => {
    test('growth may exceed 100%', () => expect(run('办案量同比增长150%。')).toEqual([]));
    test('over-fulfilment is not a share', () => expect(run('违法建设整治完成进度120%。')).toEqual([]));
    test('exactly 100%', () => expect(run('矛盾纠纷化解率达100%。')).toEqual([]));
    test('percentage points', () => expect(run('群众满意率提高105个百分点。')).toEqual([]));
  });
});
