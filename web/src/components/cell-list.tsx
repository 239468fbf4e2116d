// Several values in one table cell, one a line; a dash when there are none.
export function CellList({ items }: { items: string[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="cell-list">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}
