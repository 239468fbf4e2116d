// Renders a loaded resource, or its loading or error state, so that no page is ever blank.
import type { ReactNode } from 'react';
import type { Resource } from '../lib/use-api';
import { ErrorMessage } from './error-message';
import { Loading } from './loading';

interface Props<T> {
  resource: Resource<T>;
  what: string;
  children: (data: T) => ReactNode;
}

export function AsyncView<T>({ resource, what, children }: Props<T>) {
  const { data, error, loading, reload } = resource;
  if (error) return <ErrorMessage error={error} what={what} onRetry={reload} />;
  if (data === undefined) return loading ? <Loading what={what} /> : null;
  return <div aria-busy={loading}>{children(data)}</div>;
}
