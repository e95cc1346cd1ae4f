// Plain language, measured: the family and young-person views of every worked example read at Flesch reading ease
// 60 or more (plain English), and the young-person view reads at least as easily as the family view it shortens.
import { describe, expect, it } from "vitest";
import { allPages } from "./test-support/pages.ts";
import { readability } from "./test-support/readability.ts";

const pages = allPages();

describe("reading ease", () => {
  it.each(pages.filter((p) => p.view !== "classroom"))("$name is at least 60", ({ html }) => {
    const r = readability(html);
    expect(r.words).toBeGreaterThan(100);
    expect(r.readingEase).toBeGreaterThanOrEqual(60);
  });

  it.each(pages.filter((p) => p.view === "young-person"))("$name reads at least as easily as the family view", (p) => {
    const family = pages.find((f) => f.example === p.example && f.view === "family")!;
    expect(readability(p.html).readingEase).toBeGreaterThanOrEqual(readability(family.html).readingEase);
  });

  it("scores hard text low, so the measure can fail", () => {
    const hard =
      "<main><p>Notwithstanding the aforementioned considerations, the multidisciplinary " +
      "professional consultation recommended comprehensive individualised therapeutic " +
      "intervention programmes incorporating sensory integration methodologies.</p></main>";
    expect(readability(hard).readingEase).toBeLessThan(30);
  });
});
