import { describe, expect, test } from "vitest";
import { formatBirthDateInput } from "@/lib/requests/birth-date-input";
import { ZBirthDate } from "@/lib/requests/schemas";

describe("formatBirthDateInput", () => {
  test("puts the slashes in as the digits are typed", () => {
    const typed = "12051946".split("").reduce<string[]>((shown, digit) => [...shown, formatBirthDateInput(`${shown.at(-1) ?? ""}${digit}`)], []);
    expect(typed).toEqual(["1", "12", "12/0", "12/05", "12/05/1", "12/05/19", "12/05/194", "12/05/1946"]);
  });

  test("keeps what a person types with slashes, dots or spaces, and stops at eight digits", () => {
    expect(formatBirthDateInput("12/05/1946")).toBe("12/05/1946");
    expect(formatBirthDateInput("12.05.1946")).toBe("12/05/1946");
    expect(formatBirthDateInput("12 05 19461")).toBe("12/05/1946");
  });

  test("deleting back over a slash removes it with the digit", () => {
    expect(formatBirthDateInput("12/")).toBe("12");
    expect(formatBirthDateInput("12/05/")).toBe("12/05");
  });

  test("an ISO date stays as it is", () => {
    expect(formatBirthDateInput("1946-05-12")).toBe("1946-05-12");
  });

  test("what it shows is what the schema reads", () => {
    expect(ZBirthDate.parse(formatBirthDateInput("12051946")).toISOString()).toBe("1946-05-12T00:00:00.000Z");
  });
});
