// A phone number one tap calls (tel: link), written as people read it.
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function PhoneLink({
  phone,
  className = "font-semibold whitespace-nowrap text-brand-700 underline",
  label,
}: {
  phone: string;
  className?: string;
  label?: string;
}) {
  return (
    <a href={telHref(phone)} className={className} aria-label={label}>
      {phone}
    </a>
  );
}

/** A handset, drawn (no emoji font needed), hidden from screen readers. */
export function PhoneIcon({ className = "size-5" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="currentColor">
      <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.46.57 3.6a1 1 0 0 1-.25 1z" />
    </svg>
  );
}
