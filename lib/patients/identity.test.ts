import { expect, test } from "vitest";
import { patientIdentityKey } from "@/lib/patients/identity";

const base = { birthName: "Dupont-Martin", firstNames: "Marie Anne", birthDate: new Date("1948-03-02T00:00:00Z"), sex: "FEMALE" };

test("case, accents, hyphens and extra spaces do not make a second patient", () => {
  expect(patientIdentityKey({ ...base, birthName: " DUPONT martin ", firstNames: "marie-anne" })).toBe(patientIdentityKey(base));
  expect(patientIdentityKey({ ...base, birthName: "Lefèvre" })).toBe(patientIdentityKey({ ...base, birthName: "LEFEVRE" }));
});

test("a different birth date, sex or first name is a different patient", () => {
  expect(patientIdentityKey({ ...base, birthDate: new Date("1948-03-03T00:00:00Z") })).not.toBe(patientIdentityKey(base));
  expect(patientIdentityKey({ ...base, sex: "MALE" })).not.toBe(patientIdentityKey(base));
  expect(patientIdentityKey({ ...base, firstNames: "Marie" })).not.toBe(patientIdentityKey(base));
});
