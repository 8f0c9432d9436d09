/** Who reports: the organ's kind read from the 落款, the title or the opening; ambiguous names stay unknown. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { check, classifyOrgan, createReport, detectProfile, parseConfigText, allRules, defaultConfig, type ProfileKind } from '../rules/index.js';
import { readCorpus, readExpectations } from './helpers/corpus.js';
import Ajv2020 from 'ajv/dist/2020.js';
import { configSchema } from '../rules/engine/schema.js';

const kindOf = (text: string) => detectProfile(createReport(text)).kind;
const BODY = '\n一、主要举措和成效\n全年审核规范性文件12件。\n二、存在的不足和原因\n执法力量不足，原因是编制少。\n';

describe('classifyOrgan: one name, or a 落款 of several', () => {
  test.each<[string, ProfileKind]>([
    ['云溪县人民政府', 'government'],
    ['省人民政府', 'government'],
    ['市政府', 'government'],
    ['静海区', 'government'],
    ['中共河西市委、河西市人民政府', 'joint'],
    ['中共嘉兴市委嘉兴市人民政府', 'joint'],
    ['山西省委、省政府', 'joint'],
    ['中共青山区委员会 青山区人民政府', 'joint'],
    ['东城区司法局', 'department'],
    // 和 inside one department's name, and between two bodies' names
    ['滨江区人力资源和社会保障局', 'department'],
    ['青山区住房和城乡建设局', 'department'],
    ['中共青山区委和青山区人民政府', 'joint'],
    ['国家税务总局清河县税务局', 'department'],
    ['石桥市公安局石桥区分局', 'department'],
    ['区卫生健康委', 'department'],
    ['东江区卫生健康委员会', 'department'],
    ['司法部', 'department'],
    ['县人民政府办公室', 'department'],
    ['中共东城区司法局党组、东城区司法局', 'department'],
    ['青山镇人民政府', 'township'],
    ['城口县鸡鸣乡人民政府', 'township'],
    ['鲤城区人民政府金龙街道办事处', 'township'],
    ['留下街道', 'township'],
    ['中共青山镇委员会、青山镇人民政府', 'township'],
    ['××街道党工委、××街道办事处', 'township'],
  ])('%s → %s', (name, kind) => expect(classifyOrgan(name)).toBe(kind));

  test.each(['中共青山区委', '经开区管委会', '区委依法治区办', '青山区人大常委会', '青山区人民法院', ''])('%s is not a body this checker profiles', (name) => {
    expect(classifyOrgan(name)).toBe('unknown');
  });
});

describe('detectProfile on written reports', () => {
  test('the signature, the title (one line, or the organ above it), the opening sentence', () => {
    expect(kindOf('青山区司法局2021年法治政府建设情况报告' + BODY + '青山区司法局\n2022年3月1日')).toBe('department');
    expect(kindOf('青山区人民政府\n关于2021年度法治政府建设情况的报告\n2021年，我区认真贯彻落实上级部署。' + BODY)).toBe('government');
    expect(kindOf('2021年，青山镇深入推进法治政府建设。' + BODY)).toBe('township');
    expect(kindOf('现将省政府2024年度法治政府建设情况报告如下。' + BODY)).toBe('government');
    expect(kindOf('2018年，在党中央、国务院坚强领导下，交通运输部认真贯彻落实党中央决策部署。' + BODY)).toBe('department');
    expect(kindOf('2022年，滨江区人力资源和社会保障局以习近平新时代中国特色社会主义思想为引领。' + BODY)).toBe('department');
    // the body named after a copula (…之年，也是青山街道…之年) is named without it
    expect(detectProfile(createReport('2024年是深化改革的关键之年，也是青山街道高质量发展的重要之年。' + BODY))).toMatchObject({ kind: 'township', organ: '青山街道' });
  });

  test('traditional characters: the title is read in its simplified form', () => {
    expect(kindOf('青山區人民政府關於2021年度法治政府建設情況的報告' + BODY)).toBe('government');
    expect(kindOf('青山區司法局2021年法治政府建設工作報告' + BODY)).toBe('department');
  });

  test('a joint signature over a government title is a joint report', () => {
    const text = '青山区人民政府关于2021年度法治政府建设情况的报告' + BODY + '中共青山区委员会\n青山区人民政府\n2022年3月5日';
    expect(detectProfile(createReport(text))).toMatchObject({ kind: 'joint', from: 'signature' });
  });

  test('the superiors in 在…领导下 are not the reporting body; a pronoun alone says nothing', () => {
    expect(kindOf('2021年，在区委、区政府的正确领导下，全局上下坚持依法行政。' + BODY)).toBe('unknown');
    expect(kindOf('今年以来，我县认真贯彻落实上级部署。' + BODY)).toBe('unknown');
    // a clause about the body, not its name: 长征镇依法全面履行政府职能 names no 政府, 长征镇 does
    expect(kindOf('2023年，长征镇依法全面履行政府职能，切实抓好法治政府建设各项工作。' + BODY)).toBe('township');
    // a street or township as the subject after the superiors' clause
    expect(kindOf('2021年度，在市委、市政府的领导下，东城街道深入学习贯彻习近平法治思想。' + BODY)).toBe('township');
    expect(kindOf('2025年，中村乡法治政府建设工作在市委的正确领导下稳步推进。' + BODY)).toBe('township');
    // title words that name no body (依法行政和…) leave the opening to say it
    expect(kindOf('2022年依法行政和法治政府建设工作报告\n2022年，邯郸市政府坚持以习近平法治思想为指导。' + BODY)).toBe('government');
  });

  test('sources that disagree leave the profile unknown', () => {
    expect(kindOf('青山区司法局2021年法治政府建设情况报告' + BODY + '青山镇人民政府\n2022年3月1日')).toBe('unknown');
  });

  test('the config overrides what the report says', () => {
    const config = { ...defaultConfig(allRules), profile: { kind: 'department' as const } };
    const r = check('云溪县人民政府关于2023年度法治政府建设情况的报告' + BODY, { config });
    expect(r.profile).toMatchObject({ kind: 'department', from: 'config' });
    expect(check('云溪县人民政府关于2023年度法治政府建设情况的报告' + BODY).profile).toMatchObject({ kind: 'government', from: 'title' });
  });
});

describe('the corpus and the wild set: right, or unknown', () => {
  test('the corpus reports (kinds written from reading each text)', () => {
    const kinds: Record<string, ProfileKind> = {
      'hedong-sifaju-2020.md': 'department', // 河东区司法局 opens the text
      'kecheng-2020.md': 'joint', // signed by 中共衢州市柯城区委 and 衢州市柯城区人民政府
      'xiangqiao-sifaju-2017.md': 'department',
      'xiangzhou-sifaju-2022.md': 'department',
      'xiaobailou-2020.md': 'township', // 小白楼街道办事处
    };
    for (const [file, kind] of Object.entries(kinds)) expect([file, kindOf(readCorpus(file))]).toEqual([file, kind]);
  });

  // expected.json's `body` (what the text is, written from reading it) as a profile
  const BODY_KIND: Record<string, ProfileKind> = {
    ministry: 'department',
    province: 'government',
    city: 'government',
    county: 'government',
    joint: 'joint',
    department: 'department',
    street: 'township',
    township: 'township',
  };
  const WILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/wild');
  const wild = readExpectations(WILD);

  test('every wild report gets its own kind or unknown, and most get their kind', () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const [file, e] of Object.entries(wild)) {
      const body = e.body?.replace(/^draft-/, '');
      const want = body ? BODY_KIND[body] : undefined;
      if (!want) continue;
      total++;
      const got = kindOf(readFileSync(path.join(WILD, file), 'utf8'));
      if (got === want) right++;
      else if (got !== 'unknown') wrong.push(`${file}: ${got}, is ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(50);
    // measured: 55 of 61; a change that loses many is a regression of the organ readers
    expect(right / total).toBeGreaterThan(0.85);
  });
});

describe('config: "profile" and "deadlines"', () => {
  const parse = (json: string) => parseConfigText('/w/.fazhi-lint.json', json, allRules).config;
  test('a kind, "auto", or an object with its own areas', () => {
    expect(parse('{ "profile": "township" }').profile).toEqual({ kind: 'township' });
    expect(parse('{ "profile": "auto" }').profile).toEqual({ kind: undefined });
    expect(parse('{ "profile": { "kind": "department", "areas": [{ "name": "安全生产执法", "terms": ["安全生产", "执法检查"] }] } }').profile).toEqual({
      kind: 'department',
      areas: [{ name: '安全生产执法', terms: ['安全生产', '执法检查'] }],
    });
  });
  test('deadlines as month-day', () => {
    expect(parse('{ "deadlines": { "report": "03-01" } }').deadlines).toEqual({ report: { month: 3, day: 1 } });
    expect(parse('{ "deadlines": { "report": "03-01", "publish": "04-01" } }').deadlines).toEqual({ report: { month: 3, day: 1 }, publish: { month: 4, day: 1 } });
  });
  // the error points at the value (or key) that is wrong: the marker's first character
  test.each([
    ['{ "profile": "county" }', '"county"'],
    ['{ "profile": "unknown" }', '"unknown"'],
    ['{ "profile": { "kind": "joint", "areas": [{ "name": "x" }] } }', '{ "name"'],
    ['{ "profile": { "type": "joint" } }', '"type"'],
    ['{ "deadlines": { "report": "3月1日" } }', '"3月1日"'],
    ['{ "deadlines": { "publish": "02-30" } }', '"02-30"'],
    ['{ "deadlines": { "due": "03-01" } }', '"due"'],
    // a duty family first-responsible-substance does not know is reported, not silently checked against nothing
    ['{ "rules": { "first-responsible-substance": ["warning", { "families": ["steer", "studdy"] }] } }', '"studdy"'],
  ])('%s is reported at %s', (json, marker) => {
    expect(() => parse(json)).toThrowError(expect.objectContaining({ line: 1, column: json.indexOf(marker) + 1 }));
  });
});

test('an unknown duty family names the families there are, and the one meant', () => {
  const json = '{ "rules": { "first-responsible-substance": ["warning", { "families": ["studdy"] }] } }';
  expect(() => parseConfigText('/w/.fazhi-lint.json', json, allRules)).toThrowError(/选项“families”没有取值“studdy”（可用：steer、study、.*administer）.*did you mean "study"/);
  expect(parseConfigText('/w/.fazhi-lint.json', '{ "rules": { "first-responsible-substance": ["warning", { "families": ["study", "account"] }] } }', allRules).config.rules!['first-responsible-substance'].options).toEqual({ families: ['study', 'account'] });
});

describe('the JSON schema (editor completion) agrees with the config reader', () => {
  const validate = new Ajv2020({ strict: false }).compile(configSchema(allRules));
  test.each([
    [{ profile: 'department' }, true],
    [{ profile: 'auto' }, true],
    [{ profile: { kind: 'department', areas: [{ name: '安全生产执法', terms: ['安全生产'] }] } }, true],
    [{ deadlines: { report: '03-01', publish: '04-01' } }, true],
    [{ profile: 'county' }, false],
    [{ profile: { kind: 'joint', areas: [{ name: 'x' }] } }, false],
    [{ deadlines: { report: '3-1' } }, false],
    [{ deadlines: { due: '03-01' } }, false],
    [{ rules: { 'first-responsible-substance': ['warning', { families: ['steer', 'administer'] }] } }, true],
    [{ rules: { 'first-responsible-substance': ['warning', { families: ['steer', 'studdy'] }] } }, false],
  ])('%j valid: %s', (config, valid) => {
    expect(validate(config)).toBe(valid);
    const reads = (() => {
      try {
        parseConfigText('/w/.fazhi-lint.json', JSON.stringify(config), allRules);
        return true;
      } catch {
        return false;
      }
    })();
    expect(reads).toBe(valid);
  });
});

describe('disclosure-deadline with the config\'s deadlines', () => {
  const draft = (date: string) => '青山区司法局关于2021年度法治政府建设情况的报告\n一、主要举措和成效\n全年审核规范性文件12件。\n青山区司法局\n' + date + '\n';
  const findings = (date: string, deadlines?: object, language?: 'en') =>
    check(draft(date), { config: { ...defaultConfig(allRules), ...(deadlines ? { deadlines } : {}) }, language }).findings.filter((f) => f.ruleId === 'disclosure-deadline');
  test('national by default: late on 4月1日, not before', () => {
    expect(findings('2022年3月31日')).toEqual([]);
    expect(findings('2022年4月1日').map((f) => f.message)).toEqual(['成文日期晚于4月1日，超出年度报告公开时限']);
  });
  test('an earlier reporting day (departments by 3月1日) reports a date past it only', () => {
    const d = { report: { month: 3, day: 1 } };
    expect(findings('2022年2月28日', d)).toEqual([]);
    expect(findings('2022年3月15日', d).map((f) => f.messageId)).toEqual(['lateReport']);
    expect(findings('2022年3月15日', d)[0].message).toContain('成文日期晚于3月1日');
    expect(findings('2022年4月2日', d).map((f) => f.messageId)).toEqual(['late']);
  });
  test('a moved publication day, in English too', () => {
    const d = { publish: { month: 3, day: 20 } };
    expect(findings('2022年3月25日', d, 'en')[0].message).toBe('Dated on or after 20 March: past the publication deadline for annual reports');
  });
});

describe('what follows from the profile, on reports written for each', () => {
  const SECTIONS =
    '\n一、主要举措和成效\n全年审核规范性文件12件，办理行政复议案件41件。\n二、存在的不足和原因\n执法力量不足，原因是编制少。\n' +
    '三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人1月18日主持召开常务会议专题研究法治政府建设，全年学法4次。\n' +
    '四、2022年推进法治政府建设的主要安排\n（一）充实执法力量。争取编制。\n';
  const ruleFindings = (text: string, rule: string) => check(text).findings.filter((f) => f.ruleId === rule);

  test('title-format: a joint or township report may be titled on 法治建设; a government one may not', () => {
    const joint = (title: string) => title + SECTIONS + '中共青山区委\n青山区人民政府\n2022年3月5日';
    expect(check(joint('中共青山区委 青山区人民政府关于2021年法治建设工作情况的报告')).profile.kind).toBe('joint');
    expect(ruleFindings(joint('中共青山区委 青山区人民政府关于2021年法治建设工作情况的报告'), 'title-format')).toEqual([]);
    expect(ruleFindings('中共青山镇委员会 青山镇人民政府关于2021年度法治建设情况的报告' + SECTIONS + '中共青山镇委员会\n青山镇人民政府\n2022年1月5日', 'title-format')).toEqual([]);
    expect(ruleFindings('青山区人民政府关于2021年法治建设工作情况的报告' + SECTIONS + '青山区人民政府\n2022年3月5日', 'title-format').map((f) => f.messageId)).toEqual(['formatSuggest']);
    expect(ruleFindings('青山区司法局2021年法治建设工作报告' + SECTIONS + '青山区司法局\n2022年3月5日', 'title-format').map((f) => f.messageId)).toEqual(['formatSuggest']);
  });

  test('title-format: the title suggested for two bodies names both, side by side', () => {
    const [f] = ruleFindings('中共青山区委 青山区人民政府2021年工作汇报' + SECTIONS + '中共青山区委\n青山区人民政府\n2022年3月5日', 'title-format');
    expect(f.message).toContain('“中共青山区委 青山区人民政府关于2021年度法治政府建设情况的报告”');
  });

  test('signature-date: a joint 落款 (two lines, one line, traditional characters) is a whole signature', () => {
    for (const signature of ['中共青山区委\n青山区人民政府\n2022年3月5日', '中共青山区委员会　青山区人民政府\n2022年3月5日', '中共青山區委\n青山區人民政府\n2022年3月5日']) {
      const text = '中共青山区委 青山区人民政府关于2021年度法治政府建设情况的报告' + SECTIONS + signature;
      expect([signature, check(text).profile.kind]).toEqual([signature, 'joint']);
      expect([signature, ruleFindings(text, 'signature-date')]).toEqual([signature, []]);
    }
  });

  test('section-missing: the section a fix writes names whose duty it is', () => {
    const noDuty = SECTIONS.replace(/三、党政[^\n]+\n[^\n]+\n/, '').replace('四、', '三、');
    const inserted = (text: string) => ruleFindings(text, 'section-missing')[0].fixes[0].edits.map((e) => e.newText).join('');
    const dept = inserted('青山区司法局2021年法治政府建设情况报告' + noDuty + '青山区司法局\n2022年3月5日');
    expect(dept).toContain('三、主要负责人履行推进法治建设第一责任人职责情况');
    expect(dept).toContain('写明本部门主要负责人履行');
    const gov = inserted('青山区人民政府关于2021年度法治政府建设情况的报告' + noDuty + '青山区人民政府\n2022年3月5日');
    expect(gov).toContain('三、党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(gov).toContain('写明政府主要负责人履行');
    const town = inserted('青山镇人民政府关于2021年度法治政府建设情况的报告' + noDuty + '青山镇人民政府\n2022年3月5日');
    expect(town).toContain('写明乡镇（街道）党政主要负责人履行');
    // the heading written for a department is read back as the duty item
    const fixed = createReport(('青山区司法局2021年法治政府建设情况报告' + noDuty + '青山区司法局\n2022年3月5日').replace('三、2022年', dept.trim() + '\n四、2022年'));
    expect(fixed.entry('first-responsible').status).toBe('section');
  });

  test('first-responsible-substance names the office by profile, and counts the administrative duty for it', () => {
    const duty = '三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人高度重视，带头学法4次，3月12日带队开展行政执法案卷评查。\n';
    const text = (title: string, sig: string) => title + SECTIONS.replace(/三、党政[^\n]+\n[^\n]+\n/, duty) + sig;
    expect(ruleFindings(text('青山区司法局2021年法治政府建设情况报告', '青山区司法局\n2022年3月5日'), 'first-responsible-substance')).toEqual([]);
    // a Party committee alone is not profiled: the families stay those of the statute's first list
    const party = ruleFindings(text('中共青山区委2021年法治建设情况报告', '中共青山区委\n2022年3月5日'), 'first-responsible-substance');
    expect(party.map((f) => f.messageId)).toEqual(['principleOnly']);
  });
});

describe('classifyOrgan: traditional characters and joint signatures read through the normaliser', () => {
  const sigKind = (sig: string) => detectProfile(createReport('关于2021年度法治政府建设情况的报告' + BODY + sig + '\n2022年3月5日')).kind;
  test.each<[string, ProfileKind]>([
    ['中共青山區委員會\n青山區人民政府', 'joint'],
    ['中共青山縣委　青山縣人民政府', 'joint'],
    ['青山鎮人民政府', 'township'],
    ['中共青山鎮委員會\n青山鎮人民政府', 'township'],
    ['東江區衛生健康委員會', 'department'],
    ['青山縣人民政府', 'government'],
  ])('落款 %j → %s', (sig, kind) => expect(sigKind(sig)).toBe(kind));

  test.each(['青山区人民政府\n青山区司法局', '中共青山区委依法治区委员会办公室', '青山经济技术开发区管理委员会', '中共青山区委'])('落款 %j stays unknown', (sig) => {
    expect(sigKind(sig)).toBe('unknown');
  });
});
