/** The JSON Schema of .fazhi-lint.json(c), generated from the rule registry so it can never drift from it. */
import type { Rule } from './rule.js';
import { PRESETS } from './config.js';
import { PROFILE_KINDS } from '../model/profile.js';

const KINDS = PROFILE_KINDS.filter((k) => k !== 'unknown');
import { ruleText } from '../messages/index.js';
import { both } from '../messages/bilingual.js';

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
      description: both('schema_rule', { title: { 'zh-CN': ruleText('zh-CN', r.meta.id)?.title ?? r.meta.id, en: ruleText('en', r.meta.id)?.title ?? r.meta.id }, severity: typeof d === 'string' ? d : 'off' }),
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
      root: { type: 'boolean', description: both('schema_root') },
      extends: {
        description: both('schema_extends', { presets: { 'zh-CN': PRESETS.join('、'), en: PRESETS.join(', ') } }),
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      language: { enum: ['zh-CN', 'en'], description: both('schema_language') },
      include: { type: 'array', items: { type: 'string' }, description: both('schema_include') },
      exclude: { type: 'array', items: { type: 'string' }, description: both('schema_exclude') },
      profile: {
        description: both('schema_profile'),
        oneOf: [
          { enum: ['auto', ...KINDS] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              kind: { enum: ['auto', ...KINDS] },
              areas: {
                type: 'array',
                description: both('schema_areas'),
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
        description: both('schema_deadlines'),
        type: 'object',
        additionalProperties: false,
        properties: {
          report: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: both('schema_deadlineReport') },
          publish: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: both('schema_deadlinePublish') },
        },
      },
      previous: {
        type: 'string',
        minLength: 1,
        description: both('schema_previous'),
      },
      ignores: {
        type: 'array',
        description:
          both('schema_ignores'),
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'sentence'],
          properties: {
            rule: { enum: rules.map((r) => r.meta.id), description: both('schema_ignoreRule') },
            file: { type: 'string', description: both('schema_ignoreFile') },
            sentence: { type: 'string', description: both('schema_ignoreSentence') },
            text: { type: 'string', description: both('schema_ignoreText') },
          },
        },
      },
      rules: { type: 'object', properties: ruleProps, additionalProperties: false },
    },
  };
}
