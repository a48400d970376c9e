import { describe, expect, it } from "vitest";
import { plainTitle } from "../../src/reading/plain-title.js";
import { readEventDate } from "../../src/reading/read-date.js";
import { repairMojibake } from "../../src/reading/repair-mojibake.js";
import { createSlugger } from "../../src/reading/slug.js";

describe("plainTitle", () => {
  it.each([
    ["🚀 Faster `widget` Builds", "Faster widget Builds"],
    ["🧑🏼‍🌾 Deploy **agents** Via _operator_", "Deploy agents Via operator"],
    ["⛓️‍💥 E2E Test Skeleton", "E2E Test Skeleton"],
    ["Make [ACL Extension](https://github.com/a/b) Ready", "Make ACL Extension Ready"],
    ["\uf8ffüåê IPv6 For Widgets", "IPv6 For Widgets"],
    ["Österreich und Zürich", "Österreich und Zürich"],
  ])("%s → %s", (raw, plain) => {
    expect(plainTitle(raw)).toBe(plain);
  });
});

describe("repairMojibake", () => {
  it("turns UTF-8 read as Mac Roman back into the characters meant", () => {
    expect(repairMojibake("that‚Äôs \uf8ffüåê")).toBe("that’s 🌐");
  });

  it("leaves real accented text alone", () => {
    expect(repairMojibake("Württemberger Haus, Österreich")).toBe("Württemberger Haus, Österreich");
  });
});

describe("createSlugger", () => {
  it("makes GitHub's anchors and numbers repeated headings", () => {
    const slug = createSlugger();
    expect(slug("🌐 IPv6 On Cloud Provider")).toBe("-ipv6-on-cloud-provider");
    expect(slug("Next Steps")).toBe("next-steps");
    expect(slug("Next Steps")).toBe("next-steps-1");
    expect(slug("Introduction Of gardener-node-agent")).toBe("introduction-of-gardener-node-agent");
  });
});

describe("readEventDate", () => {
  it.each([
    [["2023-06-02T08:00:00+02:00"], "2023-06-02"],
    [[undefined, "May 2024"], "2024-05-01"],
    [[null, undefined, "Hack The Garden 05/2023 Wrap Up"], "2023-05-01"],
    [["Hackathon 2024-12"], "2024-12-01"],
    [["Wrap-up of 2025-06-02"], "2025-06-02"],
    [["21.07.2025 – 25.07.2025"], "2025-07-21"],
    [["Hack The Garden Sofia Edition 07/2025 Wrap Up"], "2025-07-01"],
    [["Gardener Hackathons"], null],
    [["2023-13"], null],
    [[], null],
  ])("%j → %s", (sources, date) => {
    expect(readEventDate(sources)).toBe(date);
  });
});
