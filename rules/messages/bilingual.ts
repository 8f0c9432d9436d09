/**
 * The strings said outside a rule, each once in both languages: config errors, refused reads, the config
 * schema's descriptions, the CLI's help and its last-resort error. Some are said before the user's language is
 * known (a config error is found while reading the config that names the language; the schema is read by any
 * editor): those are said in both, Chinese first (`both`). The others are said in one (`say`), zh-CN by default.
 * Not for report text (the template and what fixes insert are in draft.ts: the report is Chinese whatever the UI).
 */
import type { Language } from '../engine/rule.js';
import { format } from './format.js';

type Pair = Record<Language, string>;

export const BILINGUAL = {
  // config files (rules/engine/config.ts): the message of a ConfigError, said in both
  config_unreadable: { 'zh-CN': '文件不存在或无法读取', en: 'cannot read the file' },
  config_chainTooLarge: { 'zh-CN': 'extends 链中的配置文件合计过大（超过 {mb} MB）', en: 'the extends chain is too large (over {mb} MB)' },
  config_extendsPath: { 'zh-CN': 'extends 只接受相对路径（./ 或 ../）或内置预设 {presets}', en: 'extends takes a relative path (./ or ../) or a built-in preset: {presets}' },
  config_extendsCycle: { 'zh-CN': 'extends 循环引用', en: 'circular extends' },
  config_extendsDepth: { 'zh-CN': 'extends 嵌套超过 {max} 层', en: 'extends nested more than {max} deep' },
  config_extendsTarget: { 'zh-CN': 'extends “{target}”：{reason}', en: 'extends "{target}": {reason}' },
  config_jsonSyntax: { 'zh-CN': 'JSON 语法错误（{code}）', en: 'JSON syntax error ({code})' },
  config_notObject: { 'zh-CN': '配置文件应为一个 JSON 对象', en: 'the config must be a JSON object' },
  config_unknownKey: { 'zh-CN': '未知的配置项“{key}”（可用：{keys}）', en: 'unknown key "{key}" (known: {keys})' },
  config_extendsType: { 'zh-CN': 'extends 应为字符串或字符串数组', en: 'extends must be a string or an array of strings' },
  config_language: { 'zh-CN': 'language 应为 "zh-CN" 或 "en"', en: 'language must be "zh-CN" or "en"' },
  config_previous: { 'zh-CN': 'previous 应为上年度报告的路径（相对于本配置文件）', en: "previous must be the path of last year's report, relative to this config file" },
  config_root: { 'zh-CN': 'root 应为 true 或 false', en: 'root must be a boolean' },
  config_rulesType: { 'zh-CN': 'rules 应为对象', en: 'rules must be an object' },
  config_unknownRule: { 'zh-CN': '未知的规则“{rule}”{hint}', en: 'unknown rule "{rule}"{hint}' },
  config_didYouMean: { 'zh-CN': '（是否为“{near}”？）', en: ' (did you mean "{near}"?)' },
  config_profileKind: { 'zh-CN': 'profile 应为 "auto" 或 {kinds}', en: 'profile must be "auto" or one of {kinds}' },
  config_profileType: { 'zh-CN': 'profile 应为字符串或对象', en: 'profile must be a string or an object' },
  config_areasType: { 'zh-CN': 'profile.areas 应为数组', en: 'profile.areas must be an array' },
  config_areaShape: { 'zh-CN': 'profile.areas 的每一项应为 { "name": 名称, "terms": [词语, …] }', en: 'each area must be { "name": string, "terms": [non-empty strings] }' },
  config_areaKey: { 'zh-CN': '未知的键“{key}”（应为 name 或 terms）', en: 'unknown key "{key}" (name or terms)' },
  config_profileKey: { 'zh-CN': '未知的键“{key}”（应为 kind 或 areas）', en: 'unknown key "{key}" (kind or areas)' },
  config_deadlinesType: { 'zh-CN': 'deadlines 应为对象，如 { "report": "03-01", "publish": "04-01" }', en: 'deadlines must be an object' },
  config_deadlineKey: { 'zh-CN': '未知的键“{key}”（应为 report 或 publish）', en: 'unknown key "{key}" (report or publish)' },
  config_deadlineDay: { 'zh-CN': 'deadlines.{key} 应为“月-日”，如 "03-01"', en: 'deadlines.{key} must be a month-day such as "03-01"' },
  config_globs: { 'zh-CN': '{key} 应为字符串数组（glob）', en: '{key} must be an array of glob strings' },
  config_severity: { 'zh-CN': '“{rule}”的级别应为 {severities}', en: 'the severity of "{rule}" must be one of {severities}' },
  config_settingKey: { 'zh-CN': '未知的键“{key}”（应为 severity 或 options）', en: 'unknown key "{key}" (severity or options)' },
  config_optionsType: { 'zh-CN': '规则选项应为对象', en: 'rule options must be an object' },
  config_unknownOption: { 'zh-CN': '规则“{rule}”没有选项“{option}”{known}', en: 'rule "{rule}" has no option "{option}"{known}' },
  config_knownOptions: { 'zh-CN': '（可用：{options}）', en: ' (known: {options})' },
  config_optionType: { 'zh-CN': '选项“{option}”应为 {type}', en: 'option "{option}" must be {type}' },
  config_optionValue: { 'zh-CN': '选项“{option}”没有取值“{value}”（可用：{values}）{hint}', en: 'option "{option}" has no value "{value}" (known: {values}){hint}' },
  config_ignoresType: { 'zh-CN': 'ignores 应为数组，每一项为 { "rule": 规则, "file": 文件, "sentence": 句子, "text": 词语 }', en: 'ignores must be an array of { "rule", "sentence", optional "file" and "text" }, all strings' },
  config_ignoreShape: { 'zh-CN': 'ignores 的每一项应为 { "rule": 规则, "file": 文件, "sentence": 句子, "text": 词语 }', en: 'each ignore must be { "rule", "sentence", optional "file" and "text" }, all strings' },
  config_ignoreKey: { 'zh-CN': '未知的键“{key}”（应为 rule、file、sentence 或 text）', en: 'unknown key "{key}" (rule, file, sentence or text)' },
  config_ignoreString: { 'zh-CN': 'ignores 的“{key}”应为字符串', en: '"{key}" must be a string' },

  // why a config file was not read (node/host.ts), said inside a config error
  read_notRegular: { 'zh-CN': '不是普通文件（{kind}），未读取', en: 'not a regular file ({kind}); not read' },
  read_tooLarge: { 'zh-CN': '文件过大（超过 {kb} KB），未读取', en: 'larger than {kb} KB; not read' },
  read_outside: { 'zh-CN': '位于工作区之外，未读取', en: 'outside the workspace; not read' },
  read_notFound: { 'zh-CN': '文件不存在', en: 'no such file' },
  read_failed: { 'zh-CN': '无法读取（{code}）', en: 'cannot read ({code})' },

  // the JSON Schema of .fazhi-lint.json (rules/engine/schema.ts): an editor shows it in any language
  schema_rule: { 'zh-CN': '{title}（默认 {severity}）', en: '{title} (default: {severity})' },
  schema_root: { 'zh-CN': '保留字段', en: 'reserved: the nearest config file is always the root' },
  schema_extends: { 'zh-CN': '相对路径或内置预设：{presets}', en: 'relative paths or built-in presets: {presets}' },
  schema_ignores: { 'zh-CN': '不改动正文而忽略的问题（编辑器“忽略此处”写入）：规则、文件（相对于本配置文件）、问题所在的句子和所标出的词语；句子改写后即不再忽略', en: 'findings ignored without touching the text (written by the editor\'s "Ignore here"): the rule, the file (relative to this config file), the sentence the finding is in and the words it flags; rewriting the sentence ends the ignore' },
  schema_ignoreRule: { 'zh-CN': '规则', en: 'the rule' },
  schema_ignoreFile: { 'zh-CN': '文件，相对于本配置文件；不写则适用于本配置管辖的所有文件', en: 'the draft, relative to this config file; absent: every draft' },
  schema_ignoreSentence: { 'zh-CN': '问题所在的句子（去掉空白）', en: 'the sentence the finding is in, without spaces' },
  schema_ignoreText: { 'zh-CN': '问题所标出的词语（去掉空白）；不写则忽略该句中这一规则的所有问题', en: 'the flagged words; absent: every finding of the rule in the sentence' },
  schema_language: { 'zh-CN': '消息语言', en: 'message language' },
  schema_include: { 'zh-CN': '目录检查时只包括这些 glob', en: 'globs to include when walking directories' },
  schema_exclude: { 'zh-CN': '目录检查时排除这些 glob', en: 'globs to exclude when walking directories' },
  schema_profile: {
    'zh-CN': '报告主体：默认 "auto"（从落款、标题或首段识别）；或指定 government（人民政府）、joint（党委和政府联合报告）、department（政府部门）、township（乡镇、街道）。对象形式还可为部门设定自己的工作领域清单',
    en: 'the reporting body: "auto" (read from the report) or a kind; the object form can also set the areas a department reports on',
  },
  schema_areas: { 'zh-CN': '覆盖情况视图所列的工作领域及识别词语', en: 'the areas the coverage view lists, with the words that report each' },
  schema_deadlines: {
    'zh-CN': '报送和公开时限（“月-日”，该日起即为逾期；默认均为 04-01，即4月1日前）',
    en: 'the reporting and publication deadlines as month-day, the first day that is late (default 04-01 for both)',
  },
  schema_deadlineReport: { 'zh-CN': '向上级报送年度报告的时限，如 "03-01"', en: 'the day by which the report is made to the superior body' },
  schema_deadlinePublish: { 'zh-CN': '向社会公开的时限，默认 "04-01"', en: 'the day by which the report is published' },
  schema_previous: {
    'zh-CN': '上年度报告的路径（相对于本配置文件），用于 plan-followup 与 text-recycled；不写则在同一文件夹、本次检查的文件和工作区中查找',
    en: "path of last year's report (relative to this config file) for plan-followup and text-recycled; without it, it is looked for in the same folder, the files checked and the workspace",
  },

  // whose first-responsible duty a report states, by profile (first-responsible-substance's {office}; the
  // placeholder draft.ts writes for a government or a township)
  office_government: { 'zh-CN': '政府主要负责人', en: "the government's principal leader" },
  office_department: { 'zh-CN': '部门主要负责人', en: "the department's principal leader" },
  office_township: { 'zh-CN': '乡镇（街道）党政主要负责人', en: 'the township or street principal leaders' },

  // the CLI (cli/): said in the language of --lang
  cli_internalError: { 'zh-CN': '内部错误', en: 'internal error' },
  cli_exportUsage: {
    'zh-CN': '用法：fazhi-lint export <草稿.md> [-o <输出.docx>] [--lang zh-CN|en]',
    en: 'Usage: fazhi-lint export <draft.md> [-o <output.docx>] [--lang zh-CN|en]',
  },
  cli_help: {
    'zh-CN': `用法：fazhi-lint [选项] <文件|目录|glob>...
检查法治政府建设年度报告草稿（Markdown、纯文本或 Word .docx）。

  -f, --format <名称>      输出格式：stylish（默认）、json、sarif、github（GitHub Actions 注释）、junit、
                           html（审查意见页）、csv（汇总表）
  -o, --output-file <文件> 把输出写入文件而不是标准输出（任何格式）
      --quiet              只报告错误，不报告警告和提示
      --max-warnings <N>   警告超过 N 个时以退出码 1 结束
      --rule <规则:级别>   覆盖某条规则的级别（off、info、warning、error），可重复
      --fix                应用所有安全的自动修复并写回文件
      --fix-dry-run        打印修复后的文本，不写文件
      --checklist          列出每个文件的法定部分清单和上年度安排落实情况
      --previous <文件>    上年度报告（不写则在同一文件夹和本次检查的文件中查找同一机关上一年度的报告）
      --print-text         打印检查所用的文字视图（.docx：每段一行，含自动编号，修订按接受处理）
      --lang <zh-CN|en>    消息语言（默认 zh-CN）
  -c, --config <文件>      使用指定的配置文件，不向上查找
      --no-config          不读取任何配置文件，只用默认设置（和 --rule）
      --print-config <文件> 打印对该文件生效的配置（JSON），不检查
      --stdin-filename <名> 从标准输入（-）读取时使用的文件名
      --no-color           不使用颜色
  -h, --help               显示帮助
  -v, --version            显示版本

       fazhi-lint export <草稿.md> [-o <输出.docx>]   导出为 GB/T 9704-2012 公文格式的 Word 文档

目录中只检查看起来是年度报告的 .md、.markdown、.txt、.docx 文件；命令行上直接写出的文件总会检查。
遍历目录时跳过当前目录下 .fazhi-lintignore（gitignore 语法）列出的文件，以及以 ! 开头的 glob（如 '!归档/**'）。
退出码：0 无错误；1 发现错误；2 用法、配置或输入有误。`,
    en: `Usage: fazhi-lint [options] <file|dir|glob>...
Checks drafts of annual reports on building a rule-of-law government (Markdown, plain text or Word .docx).

  -f, --format <name>       stylish (default), json, sarif, github (workflow annotations), junit,
                            html (printable review), csv (summary table)
  -o, --output-file <file>  write the output (any format) to a file instead of standard output
      --quiet               report errors only, no warnings or infos
      --max-warnings <N>    exit with code 1 when there are more than N warnings
      --rule <id:severity>  override a rule's severity (off, info, warning, error); repeatable
      --fix                 apply every safe fix and write the files
      --fix-dry-run         print the fixed text instead of writing it
      --checklist           print each file's statutory checklist and last year's plans followed up
      --previous <file>     last year's report (without it: the same organ's report for the year before,
                            looked for in the same folder, then among the files checked)
      --print-text          print the text view that is checked (.docx: a line per paragraph, numbering
                            rendered, tracked changes accepted)
      --lang <zh-CN|en>     message language (default zh-CN)
  -c, --config <file>       use this config file instead of searching upward
      --no-config           read no config file: the defaults only (and --rule)
      --print-config <file> print the config that applies to a file (JSON) and check nothing
      --stdin-filename <n>  file name to use for input read from stdin (-)
      --no-color            no colours
  -h, --help                show this help
  -v, --version             show the version

       fazhi-lint export <draft.md> [-o <output.docx>]   export to Word in GB/T 9704-2012 form

Directories are searched for .md, .markdown, .txt and .docx files that look like annual reports; files named
on the command line are always checked. Walks skip the files listed in .fazhi-lintignore in the working
directory (gitignore syntax) and those matching a glob given with a leading ! (e.g. '!archive/**').
Exit codes: 0 no errors; 1 errors found; 2 usage, config or input problem.`,
  },
} satisfies Record<string, Pair>;

export type BilingualKey = keyof typeof BILINGUAL;

/** A value of a message: the same in both languages, or one per language (a list joined with 、 or ", "). */
export type BilingualData = Record<string, string | number | Pair>;

function dataIn(lang: Language, data: BilingualData): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
}

/** The string in one language. */
export function say(lang: Language, key: BilingualKey, data: BilingualData = {}): string {
  const pair: Pair = BILINGUAL[key];
  return format(pair[lang] ?? pair['zh-CN'], dataIn(lang, data));
}

/** The string in both, Chinese first: "配置文件应为一个 JSON 对象 / the config must be a JSON object". */
export function both(key: BilingualKey, data: BilingualData = {}): string {
  const en = say('en', key, data);
  return en ? `${say('zh-CN', key, data)} / ${en}` : say('zh-CN', key, data);
}
