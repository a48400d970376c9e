import { z } from "zod";

/**
 * `.github/wrapup-tracker.yml`: every key documented, every default in the schema.
 * `config/default.yml` mirrors these defaults for people reading the repository.
 */
export const permissionLevels = ["read", "triage", "write", "maintain", "admin"] as const;

export const FollowUpSchema = z
  .object({
    /** Open follow-up issues (or remind on tracking issues) for stalled topics. */
    enabled: z.boolean().default(true),
    /** Labels put on follow-up issues we open. */
    labels: z.array(z.string().min(1)).default(["wrapup-follow-up"]),
    /** `owner/name` to open follow-ups in another repository; default: the wrap-up's repository. */
    repo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name")
      .nullable()
      .default(null),
    /** Mention the authors of the topic's linked PRs and branches (at most 5 people per body). */
    assignAuthors: z.boolean().default(false),
    /** Days between two reminders on the same tracking or follow-up issue. */
    remindEveryDays: z.number().int().positive().default(14),
    /** Comment on and close our own follow-up issue when its topic is done. */
    closeWhenDone: z.boolean().default(true),
    /** At most this many new follow-up issues per sweep; the rest wait for the next sweep. */
    maxNewPerSweep: z.number().int().nonnegative().default(10),
  })
  .prefault({});

export const RefreshCommandSchema = z
  .object({
    /** Lowest repository permission allowed to run `/refresh`. */
    minPermission: z.enum(permissionLevels).default("write"),
    /** At most one refresh per thread in this many seconds. */
    cooldownSeconds: z.number().int().nonnegative().default(60),
  })
  .prefault({});

export const ConfigSchema = z
  .object({
    /** Globs of wrap-up files; empty: every markdown file that parses as a wrap-up with at least one topic. */
    paths: z.array(z.string().min(1)).default([]),
    /** Days without human activity after which open work counts as stale. */
    staleAfterDays: z.number().int().positive().default(30),
    /** Days after the event during which nothing is reported as stalled. */
    graceDays: z.number().int().nonnegative().default(14),
    followUp: FollowUpSchema,
    commands: z.object({ refresh: RefreshCommandSchema }).prefault({}),
    sweep: z
      .object({
        /** Hours between two scheduled sweeps. */
        everyHours: z.number().positive().default(24),
      })
      .prefault({}),
    exempt: z
      .object({
        /** Topic anchors (e.g. `gardener-on-ipv6`) never followed up. */
        topics: z.array(z.string().min(1)).default([]),
        /** A follow-up issue carrying this label is left alone. */
        label: z.string().min(1).default("wrapup-exempt"),
      })
      .prefault({}),
    /** Plan writes and log them, but make none. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type PermissionLevel = (typeof permissionLevels)[number];
