// Signatures per day as a server-rendered SVG bar chart, with the same figures as a table for screen readers and
// anyone who prefers numbers. No client JavaScript.
type Props = {
  data: { day: string; signatures: number }[];
  title: string;
  tableLabel: string;
  dayLabel: string;
  countLabel: string;
  empty: string;
};

export function SignaturesChart({ data, title, tableLabel, dayLabel, countLabel, empty }: Props) {
  if (data.length === 0) return <p className="muted">{empty}</p>;
  const shown = data.slice(-60);
  const max = Math.max(...shown.map((d) => d.signatures), 1);
  const width = 640;
  const height = 200;
  const bar = width / shown.length;
  return (
    <figure className="chart">
      {/* The labels are page text beside the drawing, not SVG text: the drawing shrinks to fit a phone, and text
          inside it shrank with it (to about 8 px at 390 px wide). Page text keeps its size at every width. */}
      <p className="chart-max" aria-hidden="true" data-testid="chart-label">
        {max}
      </p>
      <svg
        viewBox={`0 0 ${width} ${height + 1}`}
        role="img"
        aria-label={title}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="currentColor" strokeWidth="1" />
        {shown.map((d, i) => {
          const h = Math.max(1, Math.round((d.signatures / max) * (height - 20)));
          return (
            <g key={d.day}>
              <rect x={i * bar + 2} y={height - h} width={Math.max(1, bar - 4)} height={h} fill="#1d4ed8">
                <title>{`${d.day}: ${d.signatures}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <p className="chart-axis" aria-hidden="true">
        <span data-testid="chart-label">{shown[0]!.day}</span>
        <span data-testid="chart-label">{shown[shown.length - 1]!.day}</span>
      </p>
      <details>
        <summary>{tableLabel}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{dayLabel}</th>
              <th scope="col">{countLabel}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.signatures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
