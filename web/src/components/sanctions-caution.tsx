// The warning over a sanctions view that may be out of date or doubtful: the server's notes, where no one can miss them.
export function SanctionsCaution({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="notice notice-unavailable sanctions-caution" role="note" aria-label="Check before relying on this">
      <strong>Check before relying on this</strong>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
