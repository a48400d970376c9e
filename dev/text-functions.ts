/**
 * Every exported function that reads text a stranger wrote (markdown files, titles, comments, config
 * keys), each as `(text) => unknown`. The 100 ms test and the fuzzer run all of them.
 */
import { couldBeEventReport } from "../src/classifying/could-be-event-report.js";
import { couldBeWrapUp, startsWithLabel } from "../src/classifying/could-be-wrapup.js";
import { clip, isBlogPostPath } from "../src/classifying/document-kinds.js";
import { findCommands } from "../src/commands/find-commands.js";
import { suggestKey } from "../src/config/suggest-key.js";
import { cleanFieldText } from "../src/reading/build-topic.js";
import { classifyUrl } from "../src/reading/classify-url.js";
import { isEventPartName } from "../src/reading/event-part-names.js";
import { findEventName, isAgileSprint } from "../src/reading/event-words.js";
import { findPeople } from "../src/reading/find-people.js";
import { matchGeneralFieldName } from "../src/reading/general-field-names.js";
import { fieldKey, isPlaceholder, matchFieldName } from "../src/reading/field-names.js";
import { findPlainTopics } from "../src/reading/find-plain-topics.js";
import { saysNothingLeft } from "../src/reading/nothing-left.js";
import { plainTitle } from "../src/reading/plain-title.js";
import { prepareText } from "../src/reading/prepare-text.js";
import { lastDateOf, readDateLine } from "../src/reading/read-date-line.js";
import { readEventDate } from "../src/reading/read-date.js";
import { hasMojibake, repairMojibake } from "../src/reading/repair-mojibake.js";
import { createSlugger } from "../src/reading/slug.js";
import * as escape from "../src/render/escape-markdown.js";

export type TextFunction = (text: string) => unknown;

/** Functions that look at text without the markdown parser: each must read 100 KB in under 100 ms. */
export const TEXT_FUNCTIONS: Record<string, TextFunction> = {
  prepareText,
  couldBeWrapUp,
  startsWithLabel,
  couldBeEventReport: (text) => couldBeEventReport(text, "notes/hack-week.md", ["Garden Days"]),
  findEventName: (text) => findEventName(text, ["Garden Days"]),
  isAgileSprint,
  findPeople,
  matchGeneralFieldName: (text) => matchGeneralFieldName(text),
  readDateLine: (text) => readDateLine(text),
  lastDateOf,
  readEventDate: (text) => readEventDate([text]),
  repairMojibake,
  hasMojibake,
  plainTitle,
  saysNothingLeft,
  cleanFieldText,
  fieldKey,
  matchFieldName,
  isPlaceholder,
  classifyUrl,
  isEventPartName,
  slug: (text) => createSlugger()(text),
  findPlainTopics: (text) => findPlainTopics(text, () => false),
  isBlogPostPath,
  clip: (text) => clip(text),
  suggestKey: (text) => suggestKey(text, ["paths", "staleAfterDays", "graceDays", "followUp", "dashboard"]),
  "command recognition (no command)": findCommands,
  escapeInline: (text) => escape.escapeInline(text),
  quoteBlock: (text) => escape.quoteBlock(text),
  escapeUrl: escape.escapeUrl,
  renderCode: (text) => escape.renderCode(text),
  plainIssueTitle: (text) => escape.plainTitle(text),
  truncateText: (text) => escape.truncateText(text, 200),
};
