// Page state kept in the address (so a view can be shared by link) but updated at once in the page: quick
// successive changes each build on the last, and the address follows. Back and forward are followed too.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { addressAsOf } from './as-of';
import { todayIso } from './format';

export function useUrlQuery(): [URLSearchParams, (change: (q: URLSearchParams) => void) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(() => new URLSearchParams(location.search));
  const written = useRef(location.search.replace(/^\?/, ''));

  // The address changed from outside (a link, back or forward): adopt it.
  useEffect(() => {
    const search = location.search.replace(/^\?/, '');
    if (search !== written.current) {
      written.current = search;
      setQuery(new URLSearchParams(search));
    }
  }, [location.search]);

  // The page changed its state: write it to the address, replacing the entry.
  useEffect(() => {
    const search = query.toString();
    if (search !== written.current) {
      written.current = search;
      navigate({ pathname: location.pathname, search: search ? `?${search}` : '' }, { replace: true });
    }
  }, [query, navigate, location.pathname]);

  const update = useCallback((change: (q: URLSearchParams) => void) => {
    setQuery((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  }, []);
  return [query, update];
}

/**
 * The as-of date of a page's query (?asOf=YYYY-MM-DD), a way to change it, and what is wrong with the address's date
 * when it is not one the page can show (the page then shows today and says why).
 */
export function asOfParam(
  query: URLSearchParams,
  update: (change: (q: URLSearchParams) => void) => void,
): [string | undefined, (v: string | undefined) => void, string | undefined] {
  const { asOf, problem } = addressAsOf(query.get('asOf'), todayIso());
  const set = (v: string | undefined) =>
    update((q) => {
      if (v) q.set('asOf', v);
      else q.delete('asOf');
    });
  return [asOf, set, problem];
}
