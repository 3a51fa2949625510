// Two weeks of confirmed signatures per day as small SVG bars (the pages' CSP allows no style attributes), with the
// figures in words for screen readers and a table of every day for anyone who prefers numbers. No client JavaScript.
type Props = {
  days: { day: string; signatures: number }[];
  /** What the drawing shows, said in words: the total and the busiest day. */
  summary: string;
  tableLabel: string;
  dayLabel: string;
  countLabel: string;
  formatDay: (day: string) => string;
  formatNumber: (n: number) => string;
};

const width = 280;
const height = 48;

export function TrendBars({ days, summary, tableLabel, dayLabel, countLabel, formatDay, formatNumber }: Props) {
  const max = Math.max(1, ...days.map((d) => d.signatures));
  const slot = width / Math.max(1, days.length);
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${width} ${height + 1}`}
        className="trend-bars"
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
        focusable="false"
      >
        <line x1="0" y1={height} x2={width} y2={height} />
        {days.map((d, i) => {
          const h = d.signatures === 0 ? 0 : Math.max(2, Math.round((d.signatures / max) * (height - 2)));
          return (
            <rect key={d.day} x={i * slot + 1} y={height - h} width={Math.max(1, slot - 2)} height={h}>
              <title>{`${formatDay(d.day)}: ${formatNumber(d.signatures)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="hint">{summary}</figcaption>
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
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(d.day)}</th>
                <td>{formatNumber(d.signatures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
