// The answer for an address the workbench does not know.
import { Link } from 'react-router-dom';
import { useTitle } from '../lib/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the overview</Link>.
      </p>
    </div>
  );
}
