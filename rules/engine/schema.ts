/** The JSON Schema of .fazhi-lint.json(c), generated from the rule registry so it can never drift from it. */
import type { Rule } from './rule.js';
import { PRESETS } from './config.js';
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
      previous: {
        type: 'string',
        minLength: 1,
        description:
          '上年度报告的路径（相对于本配置文件），用于 plan-followup 与 text-recycled；不写则在同一文件夹、本次检查的文件和工作区中查找 / path of last year\'s report (relative to this config file) for plan-followup and text-recycled; without it, it is looked for in the same folder, the files checked and the workspace',
      },
      rules: { type: 'object', properties: ruleProps, additionalProperties: false },
    },
  };
}
