/**
 * The shape of a rule: metadata plus one check function that returns findings as plain data (ranges, a message
 * id with its data, related places, optional fixes as text edits). The engine localises, filters and applies.
 *
 * The contract is in the types (a new rule gets it by calling defineRule):
 * - `meta.id` must be a rule of the message catalogue (rules/messages/zh-CN.ts and en.ts);
 * - every `messageId` a finding, a related place or a fix names must have text in both languages;
 * - `meta.basis` keys come from rules/messages/basis.ts;
 * - `meta.options` declares each option's type and default once; `check` receives them typed, defaults filled in;
 * - each fix says itself whether it is `safe` (applied by --fix and fix-all) or a suggestion; `meta.fixable` says
 *   that the rule offers fixes at all (the rule tester holds the two together).
 */
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import type { Profile } from '../model/profile.js';
import { textCache } from '../model/cache.js';
import type { CoverageArea, Deadlines } from './settings.js';
import type { Range } from '../model/text.js';
import type { BasisKey } from '../messages/basis.js';
import type { FixId, MessageId, RuleId } from '../messages/types.js';

export type { RuleId } from '../messages/types.js';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Language = 'zh-CN' | 'en';

export type MessageData = Record<string, string | number>;

/** Replace source[start, end) with newText. Offsets are UTF-16 code units of the checked text. */
export interface TextEdit extends Range {
  newText: string;
}

/** A rule's message / fix ids; for the erased `Rule` (R = string) any string, checked at run time. */
type MessageOf<R extends string> = string extends R ? string : R extends RuleId ? MessageId<R> : never;
type FixOf<R extends string> = string extends R ? string : R extends RuleId ? FixId<R> : never;

export interface RawFix<R extends string = string> {
  /** key of the fix title in the rule's messages (fixes section) */
  messageId: FixOf<R>;
  data?: MessageData;
  edits: TextEdit[];
  /** true: --fix and fix-all may apply it without asking; false: offered as a suggestion only */
  safe: boolean;
}

export interface RawRelated<R extends string = string> extends Range {
  messageId: MessageOf<R>;
  data?: MessageData;
  /** the range is in last year's report (report.previous), not in the checked one */
  inPrevious?: true;
}

export interface RawFinding<R extends string = string> extends Range {
  messageId: MessageOf<R>;
  data?: MessageData;
  related?: RawRelated<R>[];
  fixes?: RawFix<R>[];
}

export type RuleFamily = 'checklist' | 'form' | 'figures' | 'residue';

export interface RuleOptionSchema {
  type: 'number' | 'string' | 'boolean' | 'array';
  description: string;
  default: unknown;
  /** an array option's items; `enum`: the only values an item may take (a config naming another is a config error) */
  items?: { type: 'string' | 'number'; enum?: readonly string[] };
}

/** The value type an option schema describes. */
export type OptionValue<S extends RuleOptionSchema> = S['type'] extends 'number'
  ? number
  : S['type'] extends 'string'
    ? string
    : S['type'] extends 'boolean'
      ? boolean
      : S['items'] extends { type: 'number' }
        ? number[]
        : string[];

export type OptionSchemas = Record<string, RuleOptionSchema>;
/** The options a rule's check receives: every declared option, typed, with its default when the config has none. */
export type OptionValues<O extends OptionSchemas> = { [K in keyof O]: OptionValue<O[K]> };

export interface RuleMeta<R extends string = string, O extends OptionSchemas = OptionSchemas> {
  id: R;
  family: RuleFamily;
  defaultSeverity: SeverityDefault;
  /** keys of rules/messages/basis.ts: what the rule rests on (quoted in hovers and rule pages) */
  basis: BasisKey[];
  /**
   * What a finding asks of the writer in a reviewer's 审查意见 when it differs from its family's (checklist: add;
   * form, figures, residue: correct): a statistical period or a departure from the regulation's structure is
   * something to explain, a deleted figure something to add.
   */
  opinion?: OpinionPart;
  /** the rule offers fixes (each fix says whether it is safe) */
  fixable?: true;
  options?: O & { [K in keyof O]: O[K] & { default: OptionValue<O[K]> } };
  tags?: string[];
  /** linear in the text and independent of the outline: still run on documents too large for the full check */
  cheap?: boolean;
  /** its findings are text to delete (a repeated word or sentence): editors fade them out */
  flagsRemovableText?: true;
  /** its fixes insert the statutory sections a draft lacks: the editor's "insert missing sections" command applies them */
  insertsSections?: true;
  /** it reads last year's report (report.previous): with every such rule off, nothing looks for that report */
  readsPrevious?: true;
}

/**
 * The three parts of a 审查意见: something the report must add (a missing or empty section, a cause, a measure,
 * facts), something it must correct (a wrong figure, residue, form), or something it must explain.
 */
export type OpinionPart = 'add' | 'correct' | 'explain';

/** A default severity, or off with the severity to use when turned on. */
export type SeverityDefault = Severity | { off: Severity };

/**
 * What every rule may read beside its own options (ESLint's shared settings): who reports, by when, and the areas
 * its measures are read against. Built once per check from the config and the report (engine/context.ts).
 */
export interface RuleContext {
  profile: Profile;
  deadlines: Deadlines;
  /** the config's own areas for the coverage view, when it sets them */
  areas: CoverageArea[] | null;
}

export interface Rule {
  meta: RuleMeta;
  check(report: Report, options: Record<string, unknown>, context: RuleContext): RawFinding[];
}

export function defineRule<R extends RuleId, O extends OptionSchemas = {}>(
  meta: RuleMeta<R, O>,
  check: (report: Report, options: OptionValues<O>, context: RuleContext) => RawFinding<R>[],
): Rule {
  return { meta: meta as unknown as RuleMeta, check: check as unknown as Rule['check'] };
}

/** The blocks a block rule reads: every block, or the report text (Report.textBlocks: no web chrome). */
export type BlockSet = 'all' | 'text';

/**
 * A rule whose findings on a block come from that block alone: its source text, its kind and Markdown (the
 * normalised text), the quotation mask over it (model/brackets and residue/_shared scan each block on its own) and
 * the rule's options — never another block, the frame or the outline (which blocks are checked, the engine's
 * BlockSet says). Every finding, and every edit of its fixes, lies inside the block; its data names no line or
 * offset. defineBlockRule then keeps each block's findings by that block, relative to its start: a keystroke
 * re-checks only the blocks it changed and moves the others' findings to where their blocks now stand (issue 17).
 */
export function defineBlockRule<R extends RuleId, O extends OptionSchemas = {}>(
  meta: RuleMeta<R, O>,
  blocks: BlockSet,
  checkBlock: (report: Report, block: Block, options: OptionValues<O>) => RawFinding<R>[],
): Rule {
  const kept = textCache<KeptBlock[]>(20_000, true);
  const check = (report: Report, options: OptionValues<O>): RawFinding[] => {
    const out: RawFinding[] = [];
    const optionsKey = JSON.stringify(options);
    for (const b of blocks === 'all' ? report.blocks : report.textBlocks) {
      const list = kept.get(b.text);
      const hit = list?.find((k) => k.options === optionsKey && readsAlike(k, b));
      if (hit) {
        for (const f of hit.findings) out.push(moved(f, b.start));
        continue;
      }
      const found = checkBlock(report, b, options) as unknown as RawFinding[];
      for (const f of found) out.push(f);
      // a finding reaching out of its block (or into last year's report) is not kept: its block alone does not decide it
      if (!found.every((f) => inside(f, b))) continue;
      const { map } = b.norm;
      const drops = map.length === b.end - b.start ? null : map.map((at) => at - b.start);
      const entry: KeptBlock = { kind: b.kind, mdDepth: b.mdDepth, listMarker: b.listMarker, drops, options: optionsKey, findings: found.map((f) => moved(f, -b.start)) };
      if (list) list.push(entry);
      else kept.set(b.text, [entry]);
    }
    return out;
  };
  return { meta: meta as unknown as RuleMeta, check: check as unknown as Rule['check'] };
}

/**
 * A block's findings as kept, with what its normalised text depends on besides its source text: its kind and
 * Markdown markers, and which characters normalisation kept when it dropped some (inline markup, pinyin debris) —
 * the same kept characters fold the same. None dropped (the usual line) leaves the map the identity.
 */
interface KeptBlock {
  kind: Block['kind'];
  mdDepth: Block['mdDepth'];
  listMarker: Block['listMarker'];
  /** the normalised text's map from the block's start, when it dropped characters; null when it kept them all */
  drops: Int32Array | null;
  options: string;
  /** the block's findings with offsets from its start */
  findings: RawFinding[];
}

/** Is the block (whose source text is the kept one's) read as the kept one was? */
function readsAlike(k: KeptBlock, b: Block): boolean {
  if (k.kind !== b.kind || k.mdDepth !== b.mdDepth || k.listMarker !== b.listMarker) return false;
  const { map } = b.norm;
  if (map.length === b.end - b.start) return k.drops === null;
  if (k.drops === null || k.drops.length !== map.length) return false;
  for (let i = 0; i < map.length; i++) if (k.drops[i] !== map[i] - b.start) return false;
  return true;
}

function inside(f: RawFinding, b: Block): boolean {
  const within = (r: Range) => r.start >= b.start && r.end <= b.end && r.start <= r.end;
  if (!within(f)) return false;
  if (f.related?.some((r) => r.inPrevious || !within(r))) return false;
  return !f.fixes?.some((x) => x.edits.some((e) => !within(e)));
}

/** A finding with every offset moved by `by` (new objects: the kept ones are never handed out). */
function moved(f: RawFinding, by: number): RawFinding {
  // Object.assign, not a spread followed by properties (V8's slow path in Node 20)
  const out: RawFinding = Object.assign({}, f, { start: f.start + by, end: f.end + by });
  if (f.related) out.related = f.related.map((r) => Object.assign({}, r, { start: r.start + by, end: r.end + by }));
  if (f.fixes) out.fixes = f.fixes.map((x) => Object.assign({}, x, { edits: x.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) }));
  return out;
}
