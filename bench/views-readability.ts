// Reading ease of the plan views: Flesch reading ease (flesch + syllable) of every view of every worked example, as
// rendered by send-interchange/views. Family and young-person views must stay at 60 or more (readability.test.ts).
// Run: node --import tsx bench/views-readability.ts
import { allPages } from "../sdk/src/views/test-support/pages.ts";
import { readability } from "../sdk/src/views/test-support/readability.ts";

console.log("| worked example | view | words | sentences | syllables per word | Flesch reading ease |");
console.log("|---|---|---:|---:|---:|---:|");
for (const p of allPages()) {
  const r = readability(p.html);
  console.log(
    `| ${p.example} | ${p.view} | ${r.words} | ${r.sentences} | ${(r.syllables / r.words).toFixed(2)} | ${r.readingEase.toFixed(1)} |`,
  );
}
