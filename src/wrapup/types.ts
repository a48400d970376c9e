/** The wrap-up model: what `parseWrapUp` returns. Pure data, JSON-serialisable. */

export type LinkKind =
  | "pull"
  | "issue"
  | "discussion"
  | "issue-or-pull"
  | "branch"
  | "commit"
  | "file"
  | "repo"
  | "user"
  | "external";

/** Kinds that name a piece of work whose live state is worth asking GitHub for. */
export const WORK_ITEM_KINDS = ["pull", "issue", "discussion", "issue-or-pull", "branch", "commit"] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export type FieldName =
  | "problem"
  | "motivation"
  | "achievements"
  | "outcome"
  | "nextSteps"
  | "code"
  | "issue"
  | "tracking";

/** Where in a topic a link sits: one of its fields, its heading, or text before any field. */
export type LinkPlace = FieldName | "heading" | "body";

/** One way to split an ambiguous `/tree/a/b/c` into branch and path. */
export interface BranchCandidate {
  branch: string;
  path: string;
}

export interface BranchBase {
  owner: string;
  repo: string;
  branch: string;
}

export interface Link {
  url: string;
  kind: LinkKind;
  /** As written (original case); identity lower-cases them (see `linkKey`). */
  owner?: string;
  repo?: string;
  number?: number;
  /** For `branch`: the head branch; for an ambiguous tree link, the longest candidate. */
  branch?: string;
  /** Present only when a `/tree/…` path could be split in more than one way (longest first). */
  branchCandidates?: BranchCandidate[];
  sha?: string;
  /** For compare links: the base the head branch is compared against. */
  base?: BranchBase;
  field: LinkPlace;
  /** 1-based line in the document. */
  line: number;
}

export interface Topic {
  /** Plain text: emoji, markdown syntax and backticks removed. */
  title: string;
  /** The heading (or title line) as written. */
  heading: string;
  /** 1-based line of the heading (or title line). */
  line: number;
  /**
   * GitHub's slug of the heading, for links to it (`#anchor`); unique in the document. Topics
   * without a heading (scraped plain text) get the slug of their title: a key, not a link target.
   */
  anchor: string;
  fields: Partial<Record<FieldName, string>>;
  /** `null` when the field is absent, empty, or only N/A, none, -, TBD. */
  nextSteps: string | null;
  links: Link[];
  /** Fields present in the document but left empty (template sections), e.g. `["achievements"]`. */
  emptyFields?: FieldName[];
}

export interface WrapUp {
  path: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD) the document states for the event (front matter or title), if any. */
  date?: string | null;
  topics: Topic[];
  /** Sentences a person understands, e.g. `line 120: "Next Steps" of topic "Flux" is empty`. */
  warnings: string[];
}

export interface ParseOptions {
  path: string;
}
