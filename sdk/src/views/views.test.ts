// The views render every worked example as a complete, standalone page in plain language: no codes, ids, JSON
// pointers or ISO dates on the page, nothing fetched from the network, every value escaped; families' agreement
// shown wherever recorded; the classroom page leaves out what sharing labels keep from teachers.
import { describe, expect, it } from "vitest";
import { CODE_LISTS } from "../vocab/index.ts";
import { renderClassroomView, renderFamilyView, renderYoungPersonView, visibleText } from "./index.ts";
import { termsUsedIn } from "./glossary.tsx";

/** A term as render-to-string escapes it in the page ("&" and the like). */
const escapeText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
import {
  HEALTH_DETAIL,
  PLAN_EXAMPLES,
  SAFEGUARDING_DETAIL,
  ispWithAgreement,
  worked,
} from "./test-support/fixtures.ts";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** Codes that only a machine would write: kebab-case with two or more hyphens, or dotted sub-components. */
const MACHINE_CODES = CODE_LISTS.flatMap((l) => l.codes.map((c) => c.code)).filter(
  (c) => (c.match(/-/g)?.length ?? 0) >= 2 || c.includes("."),
);

const cases = [
  ...PLAN_EXAMPLES.isp.flatMap((f) => [
    { view: "family", file: f, render: renderFamilyView },
    { view: "young-person", file: f, render: renderYoungPersonView },
    { view: "classroom", file: f, render: renderClassroomView },
  ]),
  ...[...PLAN_EXAMPLES.ehcp, ...PLAN_EXAMPLES["legacy-ehcp"]].map((f) => ({
    view: "family",
    file: f,
    render: renderFamilyView,
  })),
];

describe.each(cases)("$view view of $file", ({ file, render }) => {
  const doc = worked(file);
  const html = render(doc, { viewerRole: "parent-carer" });
  const text = visibleText(html);

  it("is a complete standalone page in English", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<main id="main"/);
    // Nothing loaded from elsewhere: no scripts, no external stylesheets, fonts or images.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\//i);
  });

  it("shows no ids, codes, JSON pointers or ISO dates", () => {
    const child = doc.child as { personId: string };
    expect(text).not.toContain(child.personId);
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_DATE);
    expect(text).not.toMatch(/(^|\s)\/[a-z]+[A-Za-z]*\/\d/);
    expect(MACHINE_CODES.filter((c) => text.includes(c))).toEqual([]);
  });

  it("names the child", () => {
    const child = doc.child as { preferredName?: string; legalName: { given: string } };
    expect(text).toContain(child.preferredName ?? child.legalName.given);
  });
});

describe("families' agreement", () => {
  const doc = ispWithAgreement();

  it("is shown per provision item, per review and per delivery record in the family view", () => {
    const text = visibleText(renderFamilyView(doc, { viewerRole: "parent-carer" }));
    expect(text).toContain("Siobhan Brennan (mother) agrees (5 February 2030).");
    expect(text).toContain("Mollie agrees (5 February 2030): “The boxes help me.”");
    expect(text).toContain("partly agrees (5 February 2030): “The group is good but it keeps being missed.”");
    expect(text).toContain("does not agree (7 February 2030): “A keyboard should start now, not in March.”");
    expect(text).toContain("has not been asked yet (10 January 2030).");
    expect(text).toContain("Mollie is proud of her stories.");
  });

  it("is addressed to the young person in their view", () => {
    const text = visibleText(renderYoungPersonView(doc));
    expect(text).toContain("You agree (5 February 2030): “The boxes help me.”");
  });

  it("tells the viewer what they said themselves, and marks what staff wrote down for the family", () => {
    // biome-ignore lint/suspicious/noExplicitAny: a test reaches into nested JSON it just read
    const own = ispWithAgreement() as Record<string, any>;
    own.provision[1].familyAgreement = [
      { stance: "agrees", by: { personType: "parent-carer", id: "parent-sub-1" }, recordedOn: "2030-02-10" },
      {
        stance: "disagrees",
        by: { personType: "parent-carer", id: "parent-sub-1" },
        recordedOn: "2030-03-01",
        reason: "Three weeks were missed again.",
      },
      {
        stance: "agrees",
        by: { personType: "parent-carer", displayName: "Siobhan Brennan" },
        recordedOn: "2030-03-02",
        recordedBy: { personType: "practitioner", id: "senco-1" },
        givenVia: "phone",
      },
    ];
    const text = visibleText(renderFamilyView(own, { viewerRole: "parent-carer", viewerSubject: "parent-sub-1" }));
    expect(text).toContain("You agreed on 10 February 2030.");
    expect(text).toContain("You did not agree on 1 March 2030. You said: “Three weeks were missed again.”");
    expect(text).toContain("Siobhan Brennan agrees (2 March 2030). Staff wrote this down for the family (phone).");
    // Another parent, or staff, reading the same page sees the stances as the family's, not as their own.
    const other = visibleText(renderFamilyView(own, { viewerRole: "parent-carer", viewerSubject: "someone-else" }));
    expect(other).not.toContain("You agreed");
    const staff = visibleText(renderFamilyView(own, { viewerRole: "setting-staff", viewerSubject: "parent-sub-1" }));
    expect(staff).not.toContain("You did not agree");
  });

  it("leaves nothing out when absent, malformed or of an unknown stance", () => {
    // biome-ignore lint/suspicious/noExplicitAny: a test reaches into nested JSON it just read
    const odd = ispWithAgreement() as Record<string, any>;
    odd.provision[0].familyAgreement = [null, "x", { stance: "maybe" }, { by: {} }];
    odd.provision[1].familyAgreement = "not a list";
    const text = visibleText(renderFamilyView(odd));
    expect(text).not.toContain("maybe");
    expect(text).toContain("Working-memory strategies in class");
  });
});

describe("glossary", () => {
  it.each(cases.filter((c) => c.view !== "classroom"))(
    "explains every term the opening of the $view view of $file uses",
    ({ file, render }) => {
      const html = render(worked(file), { viewerRole: "parent-carer" });
      const main = html.slice(html.indexOf("<h1"));
      const opening = visibleText(main.slice(0, main.indexOf("</p>") + 4));
      const glossary = html.slice(html.indexOf('<dl class="glossary">'));
      expect(html).toContain('<dl class="glossary">');
      for (const t of termsUsedIn(opening)) expect(glossary, t.term).toContain(escapeText(t.term));
    },
  );

  it("explains an EHCP when only the title names it", () => {
    const html = renderFamilyView(worked(PLAN_EXAMPLES.ehcp[0]!));
    const glossary = visibleText(html.slice(html.indexOf('<dl class="glossary">')));
    expect(glossary).toContain("EHCP (Education, Health and Care plan)");
  });
});

describe("classroom view", () => {
  it("leaves out health and safeguarding detail, which the family view shows", () => {
    const doc = ispWithAgreement();
    const classroom = visibleText(renderClassroomView(doc));
    expect(classroom).not.toContain(HEALTH_DETAIL);
    expect(classroom).not.toContain(SAFEGUARDING_DETAIL);
    expect(classroom).toContain("What I need to know");
    expect(classroom).toContain("What I need to do");
    expect(classroom).toContain("Key adjustments");
    expect(classroom).toContain("Who to ask");
    expect(visibleText(renderFamilyView(doc))).toContain(HEALTH_DETAIL);
  });
});

describe("escaping and odd input", () => {
  it("escapes every value from the document", () => {
    // biome-ignore lint/suspicious/noExplicitAny: a test reaches into nested JSON it just read
    const doc = worked("isp-year4-targeted.json") as Record<string, any>;
    doc.child.preferredName = '<script>alert("x")</script>';
    doc.provision[0].title = "<img src=x onerror=alert(1)>";
    for (const render of [renderFamilyView, renderYoungPersonView, renderClassroomView]) {
      const html = render(doc);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<img");
      expect(html).toContain("&lt;script>");
    }
  });

  it("renders a page, without throwing, for input that is not a plan", () => {
    for (const input of [null, 42, "text", [], {}, { documentType: "isp", provision: "x", child: 3 }]) {
      for (const render of [renderFamilyView, renderYoungPersonView, renderClassroomView]) {
        expect(render(input).startsWith("<!doctype html>")).toBe(true);
      }
    }
  });
});

describe("access log and transfers", () => {
  it("lists who read the plan in the last year, grouped, newest first, and nothing older", () => {
    const html = renderFamilyView(worked("isp-year4-targeted.json"), {
      today: "2030-03-01",
      accessLog: [
        { at: "2030-02-20T10:00:00Z", role: "senco", organisation: "Hollins Green Primary School" },
        { at: "2030-02-21T10:00:00Z", role: "senco", organisation: "Hollins Green Primary School" },
        { at: "2030-01-02T09:00:00Z", role: "la-officer", organisation: "Birmingham council" },
        { at: "2028-01-02T09:00:00Z", role: "governor", organisation: "Old School" },
      ],
      transfers: [{ direction: "outgoing", status: "sent", otherParty: "Kingsway Park Academy", at: "2030-02-25" }],
    });
    const text = visibleText(html);
    expect(text).toContain(
      "Special needs coordinator, Hollins Green Primary School: looked at the plan 2 times, last on 21 February 2030.",
    );
    expect(text).toContain("Local authority SEND team, Birmingham council: looked at the plan on 2 January 2030.");
    expect(text).not.toContain("Old School");
    expect(text.indexOf("Special needs coordinator, Hollins")).toBeLessThan(text.indexOf("Local authority SEND team"));
    expect(text).toContain("The plan has been sent to Kingsway Park Academy (25 February 2030).");
  });

  it("tells a post-16 young person that they hold the rights", () => {
    const text = visibleText(
      renderYoungPersonView(worked("isp-year11-post16-transition.json"), { today: "2031-09-01" }),
    );
    expect(text).toContain("You are 16 or over");
  });
});
