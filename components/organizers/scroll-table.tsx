import type { ReactNode } from "react";

type Props = {
  /** Column headings; false leaves a column out (e.g. actions a viewer may not take). */
  columns: (ReactNode | false)[];
  testId?: string;
  /** The rows. */
  children: ReactNode;
};

/** A data table with its column headings, scrolling sideways on a narrow screen instead of squeezing its columns. */
export function ScrollTable({ columns, testId, children }: Props) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {columns
              .filter((c) => c !== false)
              .map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
