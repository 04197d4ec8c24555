// Said plainly, before and after sending: no territory covers the commune yet. The request is
// recorded all the same and put before the coordinators of the département and the platform's
// administrators, who give it to a territory (it counts as an unmet need until then) — but
// nothing is promised: no delay, and perhaps no team.
export function UnmetNeedNotice({ audience, sent = false }: { audience: "gp" | "public"; sent?: boolean }) {
  const recorded = sent ? "votre demande a été enregistrée" : "votre demande sera enregistrée";
  return (
    <div role="status" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">
        Aucun territoire ne couvre encore cette commune : {recorded} et signalée aux coordinations du département et à l&apos;administration du dispositif, qui
        chercheront à la confier à une équipe — sans délai garanti.
      </p>
      {audience === "gp" ? (
        <p className="mt-1">
          Elle compte parmi les besoins non couverts que suit l&apos;agence régionale de santé. Pour votre patient, adressez-vous à l&apos;équipe mobile de
          soins palliatifs de l&apos;hôpital le plus proche. En cas d&apos;urgence vitale, appelez le 15.
        </p>
      ) : (
        <p className="mt-1">
          Elle compte parmi les besoins non couverts que suit l&apos;agence régionale de santé. Parlez-en au médecin traitant de la personne malade. En cas
          d&apos;urgence vitale, appelez le 15 (ou le 112).
        </p>
      )}
    </div>
  );
}
