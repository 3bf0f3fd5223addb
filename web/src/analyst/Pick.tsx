import { ReactNode, useId } from 'react';

/**
 * A compact labelled select for report controls. The label points at the select (not around it), so
 * its accessible name is the label alone, not the label plus every option's text.
 */
export function PickOptions({ label, value, onChange, children }: { label: string; value: string | number; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="report-controls__pick">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input input--select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** A labelled date input, the same way. */
export function PickDate({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="report-controls__pick">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" type="date" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </div>
  );
}
