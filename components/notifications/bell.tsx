import Link from "next/link";

// The header's bell: a link to the notification centre with the number of unread notifications,
// said in words to screen readers.
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications : aucune non lue" : `Notifications : ${unread} non lue${unread > 1 ? "s" : ""}`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      <span
        data-testid="bell-count"
        aria-hidden="true"
        className={`absolute -top-0.5 -right-0.5 min-w-5 rounded-full px-1 text-center text-xs leading-5 font-bold ${unread > 0 ? "bg-red-600 text-white" : "bg-brand-700 text-white"}`}
      >
        {unread > 99 ? "99+" : unread}
      </span>
    </Link>
  );
}
