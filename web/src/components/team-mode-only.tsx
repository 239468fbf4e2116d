// For account pages on a server with sign-in off: there are no accounts, and nothing to do here.
import { Link } from 'react-router-dom';

export function TeamModeOnly({ title }: { title: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="notice notice-info">
        Sign-in is off on this server (single-analyst mode): there are no accounts, passwords or API tokens. An administrator turns on team mode with
        CYBERDIPLO_AUTH=on.
      </p>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </div>
  );
}
