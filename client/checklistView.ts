/**
 * The "法治报告清单" view in the Explorer (for a document that declares another kind, the sentence that says it was
 * not checked as a report, then its findings): the five statutory items with their status, who reports (报告主体), the
 * areas of work the measures cover (工作领域覆盖情况, for a government or joint report, or the config's areas), the
 * section 上年度安排落实情况 (last year's plans, each followed up or not), and under them the findings grouped by
 * rule family. An area jumps to the measures' line that reports on it. Clicking an item, a plan or a finding jumps to its line: a plan followed up to this year's line that
 * reports on it, a plan not found to its line in last year's report.
 */
import * as vscode from 'vscode';
import type { ChecklistModel } from './checklistModel.js';
import { COMMANDS, type ChecklistResponse, type CoverageAreaItem, type CoverageSection, type FollowupStatus, type NotReportSection, type ProfileSection, type ItemStatus, type PreviousPlanItem, type PreviousSection, type Severity } from './protocol.js';
import { label, type ReportLanguage } from './labels.js';

type Node =
  | { kind: 'notReport'; section: NotReportSection; uri: string }
  | { kind: 'item'; item: ChecklistResponse['items'][number]; uri: string }
  | { kind: 'group'; group: ChecklistResponse['groups'][number]; uri: string }
  | { kind: 'finding'; finding: ChecklistResponse['groups'][number]['findings'][number]; uri: string }
  | { kind: 'profile'; profile: ProfileSection }
  | { kind: 'coverage'; section: CoverageSection; uri: string }
  | { kind: 'area'; area: CoverageAreaItem; uri: string }
  | { kind: 'previous'; section: PreviousSection }
  | { kind: 'plan'; plan: PreviousPlanItem };

const STATUS_ICON: Record<ItemStatus, [string, string | undefined]> = {
  section: ['pass', 'testing.iconPassed'],
  merged: ['git-merge', 'list.warningForeground'],
  inside: ['info', 'list.warningForeground'],
  missing: ['error', 'list.errorForeground'],
};

/** a plan followed up passes; put off is explained, so a warning colour; not found is what plan-followup reports */
const FOLLOWUP_ICON: Record<FollowupStatus, [string, string | undefined]> = {
  reported: ['pass', 'testing.iconPassed'],
  postponed: ['history', 'list.warningForeground'],
  missing: ['warning', 'list.warningForeground'],
};

const SEVERITY_ICON: Record<Severity, [string, string]> = {
  error: ['error', 'list.errorForeground'],
  warning: ['warning', 'list.warningForeground'],
  info: ['info', 'editorInfo.foreground'],
};

function icon([id, color]: [string, string | undefined]): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export class ChecklistView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly model: ChecklistModel,
    private readonly language: () => ReportLanguage,
  ) {
    this.subscription = model.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const c = this.model.current;
    if (!c) return [];
    if (!node) {
      // a document that declares another kind: the sentence that says so (its line), then its findings — no ✖ items
      if (c.notReport) return [{ kind: 'notReport' as const, section: c.notReport, uri: c.uri }, ...c.groups.map((group) => ({ kind: 'group' as const, group, uri: c.uri }))];
      const profile: Node[] = c.profile ? [{ kind: 'profile', profile: c.profile }] : [];
      const coverage: Node[] = c.coverage ? [{ kind: 'coverage', section: c.coverage, uri: c.uri }] : [];
      const previous: Node[] = c.previous ? [{ kind: 'previous', section: c.previous }] : [];
      return [...c.items.map((item) => ({ kind: 'item' as const, item, uri: c.uri })), ...profile, ...coverage, ...previous, ...c.groups.map((group) => ({ kind: 'group' as const, group, uri: c.uri }))];
    }
    if (node.kind === 'group') return node.group.findings.map((finding) => ({ kind: 'finding' as const, finding, uri: node.uri }));
    if (node.kind === 'previous') return node.section.plans.map((plan) => ({ kind: 'plan' as const, plan }));
    if (node.kind === 'coverage') return node.section.areas.map((area) => ({ kind: 'area' as const, area, uri: node.uri }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'notReport') {
      const t = new vscode.TreeItem(node.section.label, vscode.TreeItemCollapsibleState.None);
      t.tooltip = node.section.label;
      t.iconPath = icon(SEVERITY_ICON.info);
      t.contextValue = 'notReport';
      t.command = reveal(node.uri, node.section.line);
      return t;
    }
    if (node.kind === 'item') {
      const t = new vscode.TreeItem(node.item.label, vscode.TreeItemCollapsibleState.None);
      // "other" is optional: its absence is no fault
      t.iconPath = node.item.item === 'other' && node.item.status === 'missing' ? new vscode.ThemeIcon('circle-large-outline') : icon(STATUS_ICON[node.item.status]);
      t.tooltip = node.item.heading ?? node.item.label;
      t.contextValue = `item.${node.item.status}`;
      if (node.item.line) t.command = reveal(node.uri, node.item.line);
      return t;
    }
    if (node.kind === 'group') {
      const t = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      t.description = String(node.group.findings.length);
      t.iconPath = new vscode.ThemeIcon('list-tree');
      t.contextValue = 'group';
      return t;
    }
    if (node.kind === 'profile') {
      const t = new vscode.TreeItem(node.profile.title, vscode.TreeItemCollapsibleState.None);
      t.description = node.profile.label;
      t.tooltip = node.profile.label;
      t.iconPath = new vscode.ThemeIcon('organization');
      t.contextValue = `profile.${node.profile.kind}`;
      return t;
    }
    if (node.kind === 'coverage') {
      // collapsed: a view for the writer and the reviewer, not a list of faults
      const t = new vscode.TreeItem(node.section.title, vscode.TreeItemCollapsibleState.Collapsed);
      t.description = `${node.section.covered}/${node.section.areas.length}`;
      t.tooltip = node.section.label;
      t.iconPath = new vscode.ThemeIcon('checklist');
      t.contextValue = `coverage.${node.section.source}`;
      return t;
    }
    if (node.kind === 'area') {
      const a = node.area;
      const t = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.None);
      t.description = a.where;
      t.tooltip = `${a.label} · ${a.where}`;
      // not mentioned is information, never an error: an empty circle, as for the optional item
      t.iconPath = a.line !== null ? icon(['pass', 'testing.iconPassed']) : new vscode.ThemeIcon('circle-large-outline');
      t.contextValue = a.line !== null ? 'area.covered' : 'area.missing';
      if (a.line !== null) t.command = reveal(node.uri, a.line);
      return t;
    }
    if (node.kind === 'previous') {
      const s = node.section;
      // no report of last year found: the head line says so, and there is nothing to open
      const t = new vscode.TreeItem(s.title, s.plans.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      t.description = s.label;
      t.tooltip = s.label;
      t.iconPath = new vscode.ThemeIcon(s.uri ? 'history' : 'circle-slash');
      t.contextValue = s.uri ? 'previous' : 'previous.none';
      return t;
    }
    if (node.kind === 'plan') {
      const p = node.plan;
      const t = new vscode.TreeItem(p.label, vscode.TreeItemCollapsibleState.None);
      t.description = p.where;
      t.tooltip = `${p.label} · ${p.where}`;
      t.iconPath = icon(FOLLOWUP_ICON[p.status]);
      t.contextValue = `plan.${p.status}`;
      if (p.target) t.command = reveal(p.target.uri, p.target.line);
      return t;
    }
    const f = node.finding;
    const t = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    t.description = `${label(this.language(), 'line', { line: f.line })} · ${f.ruleId}`;
    t.tooltip = `${f.ruleId}: ${f.message}`;
    t.iconPath = icon(SEVERITY_ICON[f.severity]);
    t.contextValue = 'finding';
    t.command = reveal(node.uri, f.line);
    return t;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function reveal(uri: string, line: number): vscode.Command {
  return { title: '', command: COMMANDS.revealLine, arguments: [uri, line] };
}
