import type { Metadata } from "next";
import { YearlyReportPage } from "@/app/(app)/ars/rapport/yearly-report-page";

export const metadata: Metadata = { title: "Rapport d'activité" };

export default function CoordinationYearlyReportPage(props: {
  params: Promise<{ territoryId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <YearlyReportPage {...props} basePath="/coordination/tableau-de-bord" />;
}
