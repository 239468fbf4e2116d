// A form's round trip to the server: busy while it runs, and on refusal the failure, with focus on its summary.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api';
import type { FieldErrors } from '../components/form-fields';
import type { FormFailure } from './form-failure';
import { toApiError } from './use-api';

const NONE: FieldErrors = new Map();

export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  // Focus moves to the summary once it is on the page, on every refusal (each is a new object).
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);

  const fail = useCallback((f: FormFailure) => {
    setFailure(f);
    setBusy(false);
  }, []);

  /** Runs `action`; a refusal becomes the form's failure as `explain` reads it. Resolves whether it succeeded. */
  const run = useCallback(
    async (action: () => Promise<void>, explain: (e: ApiError) => FormFailure): Promise<boolean> => {
      setBusy(true);
      setFailure(null);
      try {
        await action();
        setBusy(false);
        return true;
      } catch (e) {
        fail(explain(toApiError(e)));
        return false;
      }
    },
    [fail],
  );

  return { busy, failure, summary, fail, run, errors: failure?.fields ?? NONE, clear: () => setFailure(null) };
}
