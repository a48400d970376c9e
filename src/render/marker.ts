import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Hidden HTML-comment markers let the app find its own comments and issues again (never by title).
 * Their payload is JSON with `<`, `>` and `&` written as `\u003c`… so no text inside can end the
 * comment; parsing never throws.
 */

/** Marks the one sticky status comment on a wrap-up PR. */
export const STATUS_MARKER = "<!-- wrapup-tracker:status -->";

/** Marks the issue reporting an invalid `.github/wrapup-tracker.yml`. */
export const CONFIG_PROBLEMS_MARKER = "<!-- wrapup-tracker:config-problems -->";

const PREFIX = "<!-- wrapup-tracker:";

/** Identifies a topic across runs: repository of the wrap-up, file path, heading anchor. */
export interface TopicKey {
  /** `owner/name` of the repository holding the wrap-up file. */
  repo: string;
  path: string;
  anchor: string;
}

export interface FollowUpMarker extends TopicKey {
  /** `fingerprintLinks` of the topic's work links when the issue was written. */
  fingerprint: string;
}

export interface ReminderMarker extends TopicKey {
  /** ISO time the reminder was posted. */
  at: string;
}

export interface ClosingMarker extends TopicKey {
  /** ISO time the topic was found done. */
  at: string;
}

const TopicKeySchema = z.object({ repo: z.string(), path: z.string(), anchor: z.string() });
const FollowUpSchema = TopicKeySchema.extend({ fingerprint: z.string() });
const TimedSchema = TopicKeySchema.extend({ at: z.string() });

/** Short, stable hash of a topic's work links: same set of keys, same fingerprint, order ignored. */
export function fingerprintLinks(keys: Iterable<string>): string {
  const sorted = [...new Set(keys)].sort();
  return createHash("sha256").update(sorted.join("\n")).digest("hex").slice(0, 16);
}

/** One string per topic, for maps and comparisons (repository compared case-insensitively). */
export function formatTopicKey(key: TopicKey): string {
  return `${key.repo.toLowerCase()}:${key.path}#${key.anchor}`;
}

/** True when a body carries the status marker (the sticky PR comment). */
export function hasStatusMarker(body: unknown): boolean {
  return typeof body === "string" && body.includes(STATUS_MARKER);
}

function encodePayload(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function renderMarker(name: string, payload: unknown): string {
  return `${PREFIX}${name} ${encodePayload(payload)} -->`;
}

/** The first marker of this name whose payload fits the schema; null otherwise, never throws. */
function parseMarker<T>(name: string, body: unknown, schema: z.ZodType<T>): T | null {
  if (typeof body !== "string") return null;
  // Bounded: a body stuffed with marker prefixes on one long line must not make this quadratic.
  const pattern = new RegExp(`${PREFIX}${name} (\\{[^\\n]{0,4000}?\\}) -->`, "g");
  for (const match of body.matchAll(pattern)) {
    try {
      const parsed = schema.safeParse(JSON.parse(match[1]!));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: someone edited the marker by hand; look for another one.
    }
  }
  return null;
}

export function renderFollowUpMarker(marker: FollowUpMarker): string {
  const { repo, path, anchor, fingerprint } = marker;
  return renderMarker("follow-up", { repo, path, anchor, fingerprint });
}

export function parseFollowUpMarker(body: unknown): FollowUpMarker | null {
  return parseMarker("follow-up", body, FollowUpSchema);
}

export function renderReminderMarker(marker: ReminderMarker): string {
  const { repo, path, anchor, at } = marker;
  return renderMarker("reminder", { repo, path, anchor, at });
}

export function parseReminderMarker(body: unknown): ReminderMarker | null {
  return parseMarker("reminder", body, TimedSchema);
}

export function renderClosingMarker(marker: ClosingMarker): string {
  const { repo, path, anchor, at } = marker;
  return renderMarker("closing", { repo, path, anchor, at });
}

export function parseClosingMarker(body: unknown): ClosingMarker | null {
  return parseMarker("closing", body, TimedSchema);
}
