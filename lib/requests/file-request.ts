import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { findTerritoryForCommune } from "@/lib/geography/queries";
import type { Need, PlaceOfCare, RequestChannel, RequesterKind, Urgency } from "@/lib/generated/prisma/enums";
import { patientIdentityKey } from "@/lib/patients/identity";
import type { DueClock } from "@/lib/requests/due-dates";
import { loadPromisingTerritory, territoryPromise } from "@/lib/requests/territory-promise";
import type { TFileRequest, TPhoneIntake, TPublicContact } from "@/lib/requests/schemas";
import { insertScreening } from "@/lib/screening/insert-screening";
import { ZPallia10Answers } from "@/lib/screening/schemas";
import { PALLIA10_QUESTIONS } from "@/lib/screening/grids";

export type FiledRequest = {
  id: string;
  number: number;
  // Null: no territory covers the commune — recorded as an unmet need all the same.
  territory: { name: string; publicPhone: string } | null;
  triageDueAt: Date | null;
  contactDueAt: Date | null;
  dueClock: DueClock;
};

type Filing =
  | { channel: "WEB"; actor: Actor; input: TFileRequest }
  | { channel: "PHONE" | "MAIL"; actor: Actor; input: TPhoneIntake }
  | { channel: "PUBLIC"; actor: null; input: TPublicContact };

type Common = {
  communeCode: string;
  placeOfCare: PlaceOfCare;
  needs: Need[];
  urgency: Urgency;
  details?: string;
  requesterKind: RequesterKind;
  requesterId: string | null;
  requesterName?: string;
  requesterPhone?: string;
  requesterRelation?: string;
  patient: TFileRequest | null;
};

function normalise(filing: Filing): Common {
  switch (filing.channel) {
    case "WEB":
      assertCan(filing.actor, "requests.file");
      return { ...filing.input, requesterKind: "GP", requesterId: filing.actor.id, patient: filing.input };
    case "PHONE":
    case "MAIL":
      assertCan(filing.actor, "requests.intake");
      return { ...filing.input, requesterId: null, patient: filing.input };
    case "PUBLIC":
      // A family's call for help: the coordinator qualifies urgency and identity when calling back.
      return { ...filing.input, placeOfCare: "HOME", urgency: "PLANNED", requesterKind: "PATIENT_FAMILY", requesterId: null, patient: null };
  }
}

// Same identity → same patient (never a twin); the latest commune and place of care are kept.
async function findOrCreatePatient(tx: Tx, input: TFileRequest): Promise<string> {
  const identityKey = patientIdentityKey(input);
  const patient = await tx.patient.upsert({
    where: { identityKey },
    create: {
      identityKey,
      birthName: input.birthName,
      firstNames: input.firstNames,
      birthDate: input.birthDate,
      sex: input.sex,
      communeCode: input.communeCode,
      placeOfCare: input.placeOfCare,
    },
    update: { communeCode: input.communeCode, placeOfCare: input.placeOfCare },
    select: { id: true, mergedIntoId: true },
  });
  // A record merged into another (merge-patient.ts): the person's record is that one.
  return patient.mergedIntoId ?? patient.id;
}

// Files a request from any channel: the GP's form, the IDEC's phone intake, the public form.
// The territory comes from the commune; due dates from its service levels (promisedDueDates).
export async function fileRequest(filing: Filing & { db?: Db; now?: Date }): Promise<FiledRequest> {
  const db = filing.db ?? prisma;
  const now = filing.now ?? new Date();
  const data = normalise(filing);
  // The GP's optional PALLIA-10 (or the phone intake's): once one question is answered, all ten.
  const answered = (input: object) => PALLIA10_QUESTIONS.some((_, i) => (input as Record<string, unknown>)[`q${i + 1}`] !== undefined);
  const pallia10 = filing.channel !== "PUBLIC" && answered(filing.input) ? ZPallia10Answers.parse(filing.input) : null;
  const commune = await db.commune.findUnique({ where: { code: data.communeCode }, select: { code: true } });
  if (!commune) throw new AppError("INVALID_INPUT", "Commune inconnue.", { communeCode: ["Choisissez la commune dans la liste."] });

  return db.$transaction(async (tx) => {
    const found = await findTerritoryForCommune({ prisma: tx, communeCode: data.communeCode });
    const territory = found ? await loadPromisingTerritory(tx, found.id, now) : null;
    if (found && !territory) throw new AppError("CONFLICT", "Le territoire de cette commune vient de changer : renvoyez la demande.");
    // The same computation as the form's announcement (components/requests/territory-delays.tsx).
    const promised = territory ? territoryPromise(territory, data.urgency, now) : null;
    const triageDueAt = promised?.triageDueAt ?? null;
    const contactDueAt = promised?.contactDueAt ?? null;
    const patientId = data.patient ? await findOrCreatePatient(tx, data.patient) : null;

    const request = await tx.request.create({
      data: {
        patientId,
        territoryId: territory?.id ?? null,
        communeCode: data.communeCode,
        placeOfCare: data.placeOfCare,
        needs: data.needs,
        urgency: data.urgency,
        channel: filing.channel as RequestChannel,
        requesterKind: data.requesterKind,
        requesterId: data.requesterId,
        requesterName: data.requesterName,
        requesterPhone: data.requesterPhone,
        requesterRelation: data.requesterRelation,
        details: data.details || null,
        consentCoordination: true,
        submittedAt: now,
        updatedAt: now,
        triageDueAt,
        contactDueAt,
        dueClock: promised?.clock ?? "OPENING_HOURS",
      },
      select: { id: true, number: true },
    });
    // The GP's form and the phone intake attest the patient's consent to the coordination and to
    // sharing with the structures it solicits (the box ticked); the public form asks only for a
    // call back, so its requests need the coordinator to record the patient's consent.
    if (filing.channel !== "PUBLIC" && filing.actor) {
      await tx.sharingConsent.create({
        data: { requestId: request.id, structureId: null, granted: true, method: "ORAL", recordedById: filing.actor.id, recordedAt: now },
        select: { id: true },
      });
    }
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        filing.actor?.id ?? null,
        {
          type: "request.submitted",
          subjectType: "request",
          subjectId: request.id,
          data: {
            channel: filing.channel,
            urgency: data.urgency,
            needs: data.needs,
            territoryId: territory?.id ?? null,
            patientId,
            requesterKind: data.requesterKind,
            communeCode: data.communeCode,
          },
        },
        now,
      ),
    );
    if (pallia10 && filing.actor) await insertScreening(tx, { requestId: request.id, answers: pallia10, actorId: filing.actor.id, now });
    return {
      id: request.id,
      number: request.number,
      territory: territory ? { name: territory.name, publicPhone: territory.publicPhone } : null,
      triageDueAt,
      contactDueAt,
      dueClock: promised?.clock ?? "OPENING_HOURS",
    };
  });
}
