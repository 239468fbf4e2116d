// Loads from the API for a component: the data, the error, whether a load is under way, and a way to reload.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'client', e instanceof Error ? e.message : String(e));
}

/**
 * Runs `load` whenever `key` changes, aborting the previous request. The last data stays visible
 * while a new load runs, so that moving a date control does not blank the page. `ready` gives an answer already
 * in hand (one the app asked for ahead of the page): the first render draws it, and the first load is not made.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string, ready?: () => T | undefined): Resource<T> {
  const [data, setData] = useState<T | undefined>(ready);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(data === undefined);
  const [tick, setTick] = useState(0);
  const inHand = useRef(data !== undefined);

  useEffect(() => {
    if (inHand.current) {
      inHand.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal)
      .then((d) => {
        if (controller.signal.aborted) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(e));
        setLoading(false);
      });
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
