export interface RuleText {
  /** short title */
  title: string;
  /** why it matters, for hovers and rule pages */
  why: string;
  /** message templates by message id; {name} is replaced with the finding's data */
  messages: Record<string, string>;
  /** fix titles by message id */
  fixes?: Record<string, string>;
}

export interface Catalog {
  rules: Record<string, RuleText>;
  /** strings of the engine, the CLI and the server */
  ui: Record<string, string>;
}
