import type { Metadata } from "next";
import { YearlyReportPage } from "../yearly-report-page";

export const metadata: Metadata = { title: "Rapport d'activité" };

export default function ArsYearlyReportPage(props: {
  params: Promise<{ territoryId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <YearlyReportPage {...props} basePath="/ars" />;
}
