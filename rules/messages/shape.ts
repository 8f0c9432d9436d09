/**
 * The shape every catalogue has. zh-CN.ts is checked against it with `satisfies`, which keeps its literal keys:
 * the rule ids, message ids and fix ids of zh-CN are the types the rules and the English catalogue are held to
 * (types.ts).
 */
export interface RuleTextShape {
  /** short title */
  title: string;
  /** why it matters, for hovers and rule pages */
  why: string;
  /** message templates by message id; {name} is replaced with the finding's data */
  messages: Record<string, string>;
  /** fix titles by fix id */
  fixes?: Record<string, string>;
}

export interface CatalogShape {
  rules: Record<string, RuleTextShape>;
  /** strings of the engine, the CLI, the server and the client */
  ui: Record<string, string>;
}
