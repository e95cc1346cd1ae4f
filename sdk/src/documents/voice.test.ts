// The voice endpoint's append, on every document type that has one: the statement lands where the type's schema
// keeps voice statements, the result still validates, and the pointer names the new statement.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { validate } from "../validate/validate.ts";
import { appendVoice, VOICE_POINTERS, type VoiceDocumentType } from "./voice.ts";
import { voiceAuthorshipErrors } from "./voice-authorship.ts";

const WORKED = new URL("../../../examples/worked/", import.meta.url);
const examples = readdirSync(WORKED)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(new URL(f, WORKED), "utf8")) as Record<string, unknown> }))
  .filter((e) => (e.doc.documentType as string) in VOICE_POINTERS);

const parentStatement = {
  id: "voice-added-by-test",
  authorRole: "parent-carer",
  captureMethod: "own-words-written",
  capturedOn: "2030-03-02",
  consentToShare: true,
  text: "She sleeps better since the new timetable started.",
};

function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe("appendVoice", () => {
  it("has a worked example for every document type with a voice endpoint", () => {
    expect(new Set(examples.map((e) => e.doc.documentType))).toEqual(new Set(Object.keys(VOICE_POINTERS)));
  });

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    "%s: appends where the schema keeps voice, and stays valid",
    (_file, doc) => {
      const kind = doc.documentType as VoiceDocumentType;
      const before = (at(doc, VOICE_POINTERS[kind]) as unknown[] | undefined)?.length ?? 0;
      for (const contribution of [parentStatement, { statement: parentStatement }]) {
        const { document, statement, pointer } = appendVoice(kind, doc, contribution);
        expect(pointer).toBe(`${VOICE_POINTERS[kind]}/${before}`);
        expect(at(document, pointer)).toEqual(parentStatement);
        expect(statement).toEqual(parentStatement);
        const result = validate(document);
        expect(result.errors).toEqual([]);
        expect(
          at(doc, VOICE_POINTERS[kind]) === undefined ? 0 : (at(doc, VOICE_POINTERS[kind]) as unknown[]).length,
        ).toBe(before); // the input is untouched
      }
    },
  );

  it("a statement the schema refuses makes the document invalid at the statement's pointer", () => {
    const isp = examples.find((e) => e.doc.documentType === "isp")!.doc;
    const { document, pointer } = appendVoice("isp", isp, { ...parentStatement, authorRole: "the-headteacher" });
    expect(validate(document).errors.some((e) => e.pointer.startsWith(`${pointer}/authorRole`))).toBe(true);
  });

  it("the caller-role rule is judged at the pointer appendVoice reports", () => {
    const legacy = examples.find((e) => e.doc.documentType === "legacy-ehcp")!.doc;
    const { statement, pointer } = appendVoice("legacy-ehcp", legacy, {
      ...parentStatement,
      authorRole: "professional",
    });
    expect(voiceAuthorshipErrors("parent-carer", statement, pointer).map((e) => e.pointer)).toEqual([
      `${pointer}/authorRole`,
    ]);
  });
});
