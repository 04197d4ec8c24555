import { describe, expect, test } from "vitest";
import { checkInsMatricule, insKey, normalizeInsMatricule } from "@/lib/patients/ins";

// A woman born in May 1946 in Bar-le-Duc (55029), the 1st on the register: body 2460555029001.
const BODY = "2460555029001";
const KEY = String(insKey(BODY)).padStart(2, "0");
const JEANNE = { sex: "FEMALE", birthDate: new Date("1946-05-12T00:00:00Z") };

describe("INS matricule", () => {
  test("the key is 97 minus the body modulo 97", () => {
    // The usual worked example of the NIR (a man born in May 1985 in the Yvelines): key 91.
    expect(insKey("1850578006084")).toBe(91);
    expect(checkInsMatricule("1 85 05 78 006 084 91")).toEqual({ ok: true, matricule: "185057800608491" });
    expect(insKey(BODY)).toBe(97 - Number(BigInt(BODY) % 97n));
    // The textbook example: 1 55 08 2A 004 123 → key computed with 2A as 19.
    expect(insKey("155082A004123")).toBe(97 - Number(1550819004123n % 97n));
    expect(insKey("155082B004123")).toBe(97 - Number(1550818004123n % 97n));
  });

  test("a well-formed matricule with its key, typed with spaces, is accepted and normalised", () => {
    expect(normalizeInsMatricule(`2 46 05 55 029 001 ${KEY}`)).toBe(`${BODY}${KEY}`);
    expect(checkInsMatricule(`2 46 05 55 029 001 ${KEY}`, JEANNE)).toEqual({ ok: true, matricule: `${BODY}${KEY}` });
  });

  test("a wrong key, a wrong length or letters are refused with a French reason", () => {
    const wrongKey = String((Number(KEY) % 97) + 1).padStart(2, "0");
    expect(checkInsMatricule(`${BODY}${wrongKey}`)).toEqual({ ok: false, message: expect.stringMatching(/la clé ne correspond pas/) });
    expect(checkInsMatricule(BODY)).toEqual({ ok: false, message: expect.stringMatching(/15 caractères/) });
    expect(checkInsMatricule(`246055X029001${KEY}`)).toEqual({ ok: false, message: expect.stringMatching(/15 caractères/) });
    expect(checkInsMatricule(`9460555029001${KEY}`)).toEqual({ ok: false, message: expect.stringMatching(/15 caractères/) });
  });

  test("a matricule that contradicts the sex, the year or the month of birth is refused", () => {
    const man = "1460555029001";
    expect(checkInsMatricule(`${man}${String(insKey(man)).padStart(2, "0")}`, JEANNE)).toEqual({ ok: false, message: expect.stringMatching(/sexe/) });
    const otherYear = "2470555029001";
    expect(checkInsMatricule(`${otherYear}${String(insKey(otherYear)).padStart(2, "0")}`, JEANNE)).toEqual({
      ok: false,
      message: expect.stringMatching(/année/),
    });
    const otherMonth = "2460655029001";
    expect(checkInsMatricule(`${otherMonth}${String(insKey(otherMonth)).padStart(2, "0")}`, JEANNE)).toEqual({
      ok: false,
      message: expect.stringMatching(/mois/),
    });
    // An unknown month (20-42) is not compared.
    const unknownMonth = "2462055029001";
    expect(checkInsMatricule(`${unknownMonth}${String(insKey(unknownMonth)).padStart(2, "0")}`, JEANNE).ok).toBe(true);
  });
});
