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

/** What a topic board's list item is marked with (✅ 🚧 ⏸️ 🙅): a claim of its authors, not evidence. */
export type DeclaredStatus = "done" | "in-progress" | "paused" | "not-started";

/** Where a retelling's section points: a heading of the wrap-up it retells. */
export interface SameAs {
  /** The page as linked, without its `#anchor` (absolute URL or a path relative to the retelling). */
  url: string;
  /** The heading's anchor on that page, decoded (`-ipv6-on-cloud-provider`). */
  anchor: string;
}

/** What a markdown file is, as a careful reader would say: only wrap-ups are tracked. */
export type DocumentKind = "wrap-up" | "retelling" | "not-a-wrap-up";

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
  /** `null` when the field is absent, empty, only N/A, none, -, TBD, or says nothing is left ("… is now complete"). */
  nextSteps: string | null;
  links: Link[];
  /** Fields present in the document but left empty (template sections), e.g. `["achievements"]`. */
  emptyFields?: FieldName[];
  /** Topic boards only: the status the item is marked with. */
  declaredStatus?: DeclaredStatus;
  /** Retellings only: the wrap-up headings this section retells (it is never tracked on its own). */
  sameAs?: SameAs[];
  /** General dialect: names on a `Contributors:`-like line and @handles in the topic. */
  people?: string[];
}

export interface WrapUp {
  path: string;
  title: string | null;
  /**
   * ISO date (YYYY-MM-DD) the document states for the event: the last day of its date line
   * (`🗓️ **Date:** 21.07.2025 – 25.07.2025`), else front matter `date`, else the month in a title.
   */
  date?: string | null;
  topics: Topic[];
  /** Sentences a person understands, e.g. `line 120: "Next Steps" of topic "Flux" is empty`. */
  warnings: string[];
  /** Wrap-up, retelling of one, or something else (release notes, docs, meeting notes…). */
  kind: DocumentKind;
  /** One line a maintainer can check, e.g. `wrap-up: 15 topics, 14 with wrap-up fields (…)`. */
  why: string;
  /**
   * Set when the file could not be read at all ("too large/complex to read: parsing took longer than
   * 2 s…"): what it is is unknown, so it is reported as a finding rather than silently left out.
   */
  unreadable?: string;
}

export interface ParseOptions {
  path: string;
  /** How other communities' event reports are read (`wrapups` in the config), and whether `paths` chose the file. */
  reading?: ReadingOptions;
}

export interface ReadingOptions {
  /** `wrapups.eventWords`: more names of events, matched as plain words. */
  eventWords?: readonly string[];
  /** `wrapups.fields`: more names of fields, per field. */
  fields?: Partial<Record<FieldName, readonly string[]>>;
  /** The file matched `paths`: read with the general reader even when the rules would not take it. */
  chosen?: boolean;
}
