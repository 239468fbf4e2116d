// What a page says when the date in its address is not one it can show: the problem, and that today is shown instead.
interface Props {
  problem: string | undefined;
  /** Takes the date out of the address. */
  onClear: () => void;
}

export function AsOfProblem({ problem, onClear }: Props) {
  if (!problem) return null;
  return (
    <div className="notice notice-error as-of-problem" role="alert">
      <strong>This page shows today, not the date in its address.</strong>
      <p>{problem}</p>
      <button type="button" className="button" onClick={onClear}>
        Take the date out of the address
      </button>
    </div>
  );
}
