// A line that says what just happened ("The token is revoked."), announced and focused once React has shown it, so
// that keyboard and screen-reader users land on the outcome of what they did.
import { useEffect, useRef, useState } from 'react';

export function useStatus<E extends HTMLElement = HTMLParagraphElement>() {
  const [status, setStatus] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<E>(null);
  useEffect(() => {
    if (status) ref.current?.focus();
  }, [status]);
  return {
    text: status?.text ?? '',
    ref,
    /** Each call moves focus, even when the text is the same as the last one. */
    announce: (text: string) => setStatus((s) => ({ text, n: (s?.n ?? 0) + 1 })),
    clear: () => setStatus(null),
  };
}
