/**
 * A field people never fill: off-screen (not display:none, which simple bots skip), out of the tab order, never
 * autofilled, and labelled for screen readers as one to leave empty. A value in it marks the submission suspected.
 */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div className="form-extra">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
