// What an API failure looks like: a message, with a retry when asking again may help, or a calm note when the server
// lacks the feature.
import type { ApiError } from '../api';

interface Props {
  error: ApiError;
  what: string;
  onRetry?: () => void;
}

export function ErrorMessage({ error, what, onRetry }: Props) {
  if (error.unavailable) {
    return (
      <div className="notice notice-unavailable" role="status">
        <strong>Not available on this server yet</strong>
        <p>
          This server does not offer {what} ({error.message.replace(/^No route /, '')}).
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <strong>Could not load {what}.</strong>
      <p>{error.message}</p>
      {onRetry && error.retryable && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
