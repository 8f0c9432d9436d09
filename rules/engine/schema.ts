/** The JSON Schema of .fazhi-lint.json(c), generated from the rule registry so it can never drift from it. */
import type { Rule } from './rule.js';
import { PRESETS } from './config.js';
import { PROFILE_KINDS } from '../model/profile.js';

const KINDS = PROFILE_KINDS.filter((k) => k !== 'unknown');
import { ruleText } from '../messages/index.js';

export function configSchema(rules: readonly Rule[]): object {
  const severity = { enum: ['off', 'info', 'warning', 'error'] };
  const ruleProps: Record<string, object> = {};
  for (const r of rules) {
    const opts: Record<string, object> = {};
    for (const [name, o] of Object.entries(r.meta.options ?? {})) {
      opts[name] = { type: o.type, description: o.description, default: o.default, ...(o.items ? { items: o.items } : {}) };
    }
    const optionsSchema = { type: 'object', properties: opts, additionalProperties: false };
    const d = r.meta.defaultSeverity;
    ruleProps[r.meta.id] = {
      description: `${ruleText('zh-CN', r.meta.id)?.title ?? r.meta.id} / ${ruleText('en', r.meta.id)?.title ?? ''}（默认 default: ${typeof d === 'string' ? d : 'off'}）`,
      oneOf: [
        severity,
        { type: 'array', prefixItems: [severity, optionsSchema], items: false, minItems: 1, maxItems: 2 },
        { type: 'object', properties: { severity, options: optionsSchema }, required: ['severity'], additionalProperties: false },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'fazhi-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: '保留字段 / reserved: the nearest config file is always the root' },
      extends: {
        description: `相对路径或内置预设 / relative paths or built-in presets: ${PRESETS.join(', ')}`,
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      language: { enum: ['zh-CN', 'en'], description: '消息语言 / message language' },
      include: { type: 'array', items: { type: 'string' }, description: '目录检查时只包括这些 glob / globs to include when walking directories' },
      exclude: { type: 'array', items: { type: 'string' }, description: '目录检查时排除这些 glob / globs to exclude when walking directories' },
      profile: {
        description:
          '报告主体：默认 "auto"（从落款、标题或首段识别）；或指定 government（人民政府）、joint（党委和政府联合报告）、department（政府部门）、township（乡镇、街道）。对象形式还可为部门设定自己的工作领域清单 / the reporting body: "auto" (read from the report) or a kind; the object form can also set the areas a department reports on',
        oneOf: [
          { enum: ['auto', ...KINDS] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              kind: { enum: ['auto', ...KINDS] },
              areas: {
                type: 'array',
                description: '覆盖情况视图所列的工作领域及识别词语 / the areas the coverage view lists, with the words that report each',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['name', 'terms'],
                  properties: { name: { type: 'string', minLength: 1 }, terms: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
                },
              },
            },
          },
        ],
      },
      deadlines: {
        description: '报送和公开时限（“月-日”，该日起即为逾期；默认均为 04-01，即4月1日前）/ the reporting and publication deadlines as month-day, the first day that is late (default 04-01 for both)',
        type: 'object',
        additionalProperties: false,
        properties: {
          report: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: '向上级报送年度报告的时限，如 "03-01" / the day by which the report is made to the superior body' },
          publish: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: '向社会公开的时限，默认 "04-01" / the day by which the report is published' },
        },
      },
      previous: {
        type: 'string',
        minLength: 1,
        description:
          '上年度报告的路径（相对于本配置文件），用于 plan-followup 与 text-recycled；不写则在同一文件夹、本次检查的文件和工作区中查找 / path of last year\'s report (relative to this config file) for plan-followup and text-recycled; without it, it is looked for in the same folder, the files checked and the workspace',
      },
      ignores: {
        type: 'array',
        description:
          '不改动正文而忽略的问题（编辑器“忽略此处”写入）：规则、文件（相对于本配置文件）、问题所在的句子和所标出的词语；句子改写后即不再忽略 / findings ignored without touching the text (written by the editor\'s "Ignore here"): the rule, the file (relative to this config file), the sentence the finding is in and the words it flags; rewriting the sentence ends the ignore',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'sentence'],
          properties: {
            rule: { enum: rules.map((r) => r.meta.id), description: '规则 / the rule' },
            file: { type: 'string', description: '文件，相对于本配置文件；不写则适用于本配置管辖的所有文件 / the draft, relative to this config file; absent: every draft' },
            sentence: { type: 'string', description: '问题所在的句子（去掉空白）/ the sentence the finding is in, without spaces' },
            text: { type: 'string', description: '问题所标出的词语（去掉空白）；不写则忽略该句中这一规则的所有问题 / the flagged words; absent: every finding of the rule in the sentence' },
          },
        },
      },
      rules: { type: 'object', properties: ruleProps, additionalProperties: false },
    },
  };
}
