import { z } from "zod";
import { WORK_ITEM_KINDS } from "../../src/wrapup/types.js";

const fieldName = z.enum(["problem", "motivation", "achievements", "outcome", "nextSteps", "code", "issue", "tracking"]);
const kind = z.enum([...WORK_ITEM_KINDS, "file", "repo", "user", "external"]);
const positive = z.number().int().positive();
const branchRef = z.object({ owner: z.string().min(1), repo: z.string().min(1), branch: z.string().min(1) }).strict();

export const linkSchema = z
  .object({
    url: z.string().min(1),
    kind,
    owner: z.string().min(1).optional(),
    repo: z.string().min(1).optional(),
    number: z.number().int().nonnegative().optional(),
    branch: z.string().min(1).optional(),
    branchCandidates: z.array(z.object({ branch: z.string().min(1), path: z.string() }).strict()).min(2).optional(),
    sha: z.string().regex(/^[0-9a-f]{7,40}$/i).optional(),
    base: branchRef.optional(),
    field: z.union([fieldName, z.literal("heading"), z.literal("body")]),
    line: positive,
  })
  .strict();

export const topicSchema = z
  .object({
    title: z.string(),
    heading: z.string(),
    line: positive,
    anchor: z.string(),
    fields: z.partialRecord(fieldName, z.string()),
    nextSteps: z.string().min(1).nullable(),
    links: z.array(linkSchema),
    emptyFields: z.array(fieldName).min(1).optional(),
    declaredStatus: z.enum(["done", "in-progress", "paused", "not-started"]).optional(),
    sameAs: z.array(z.object({ url: z.string().min(1), anchor: z.string().min(1) }).strict()).min(1).optional(),
    people: z.array(z.string().min(1)).min(1).max(30).optional(),
  })
  .strict();

/** The model's shape as the JSON contract in issues 2 and 9 state it. */
export const wrapUpSchema = z
  .object({
    path: z.string(),
    title: z.string().min(1).nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    topics: z.array(topicSchema),
    warnings: z.array(z.string().min(1)),
    kind: z.enum(["wrap-up", "retelling", "not-a-wrap-up"]),
    why: z.string().regex(/^(wrap-up|retelling|not a wrap-up): \S/),
    unreadable: z.string().startsWith("too large/complex to read: ").optional(),
  })
  .strict();
