// The filled part of a progress bar, drawn as SVG: the pages' CSP allows no style attributes (style-src 'self'),
// and SVG geometry is markup, not style. The bar's track and colours come from the stylesheet.
export function BarFill({ percent, className }: { percent: number; className?: string }) {
  // Never quite empty, so the bar reads as a bar at 0 as well.
  const width = Math.min(100, Math.max(1, percent));
  return (
    <svg className={className} viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width={width} height="1" />
    </svg>
  );
}
