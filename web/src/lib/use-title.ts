// Sets the browser tab's title for a page, so that tabs and history entries say what they show.
import { useEffect } from 'react';

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · cyberdiplo` : 'cyberdiplo';
  }, [title]);
}
