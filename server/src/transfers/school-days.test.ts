// Due dates for integration: weekdays only, listed non-school dates skipped, the day of receipt not counted.
import { describe, expect, it } from "vitest";
import { dueDate, integrationOverdue, londonDate, parseNonSchoolDates } from "./school-days.ts";

describe("dueDate(receivedAt, days, nonSchoolDates)", () => {
  it.each([
    // received (instant)           days  non-school dates                  due
    ["2030-07-01T09:00:00Z", 8, [], "2030-07-11"], // Monday + 8 school days = the next week's Thursday
    ["2030-07-05T15:00:00Z", 1, [], "2030-07-08"], // Friday + 1 = Monday
    ["2030-07-06T10:00:00Z", 1, [], "2030-07-08"], // received on a Saturday: Monday is the first school day
    ["2030-07-01T09:00:00Z", 0, [], "2030-07-01"],
    ["2030-07-01T09:00:00Z", 3, ["2030-07-02", "2030-07-03"], "2030-07-08"], // two closure days skipped
    ["2030-07-04T09:00:00Z", 2, ["2030-07-06"], "2030-07-08"], // a listed Saturday changes nothing
    ["2030-12-20T09:00:00Z", 3, ["2030-12-23", "2030-12-24", "2030-12-25", "2030-12-26", "2030-12-27"], "2031-01-01"],
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the London date counts.
    ["2030-06-30T23:30:00Z", 1, [], "2030-07-02"],
    // In winter London is UTC: 23:30 UTC stays the same date.
    ["2030-01-07T23:30:00Z", 1, [], "2030-01-08"],
  ] as const)("received %s, %i school days, skipping %j → due %s", (received, days, skip, due) => {
    expect(dueDate(new Date(received), days, skip)).toBe(due);
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => dueDate(new Date("2030-07-01T09:00:00Z"), -1)).toThrow(RangeError);
    expect(() => dueDate(new Date("2030-07-01T09:00:00Z"), 1.5)).toThrow(RangeError);
  });
});

describe("integrationOverdue", () => {
  const received = new Date("2030-07-01T09:00:00Z"); // due 2030-07-11 with 8 days
  it.each([
    ["2030-07-10T12:00:00Z", false],
    ["2030-07-11T22:59:00Z", false], // still the due date in London (23:59 BST)
    ["2030-07-11T23:01:00Z", true], // 00:01 on 12 July in London
    ["2030-07-12T08:00:00Z", true],
  ] as const)("at %s overdue is %s", (now, overdue) => {
    expect(integrationOverdue(received, new Date(now), 8)).toBe(overdue);
  });
});

describe("londonDate and parseNonSchoolDates", () => {
  it("gives the date in England", () => {
    expect(londonDate(new Date("2030-03-31T00:30:00Z"))).toBe("2030-03-31");
    expect(londonDate(new Date("2030-10-26T23:30:00Z"))).toBe("2030-10-27");
  });
  it("keeps ISO dates and refuses anything else", () => {
    expect(parseNonSchoolDates(["2030-12-25"])).toEqual(["2030-12-25"]);
    expect(() => parseNonSchoolDates(["25/12/2030"])).toThrow(/not a YYYY-MM-DD/);
    expect(() => parseNonSchoolDates([20301225])).toThrow(/not a YYYY-MM-DD/);
    expect(() => parseNonSchoolDates(["2030-13-45"])).toThrow(/not a YYYY-MM-DD/);
  });
});
