// The workbench shell (pages are added as the API grows).
import { useEffect, useState } from 'react';

interface Partner {
  id: string;
  name: string;
}

export function App() {
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/partners')
      .then(async (r) => (r.ok ? ((await r.json()) as Partner[]) : Promise.reject(new Error(`API answered ${r.status}`))))
      .then(setPartners)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main>
      <h1>cyberdiplo</h1>
      {error && <p role="alert">Could not load partners: {error}</p>}
      {!partners && !error && <p>Loading…</p>}
      <ul>{partners?.map((p) => <li key={p.id}>{p.name}</li>)}</ul>
    </main>
  );
}
