import { ChangeEvent, ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Form fields with the label, hint and error tied to the input (aria-describedby, aria-invalid), so a
 * screen reader reads the error with the field. `name` is the API's field path (`applicant.iin`):
 * the id is derived from it, so an error from the API (details[].field) finds its input.
 */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface ShellProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Shown under the input (e.g. a character counter), announced politely. */
  aside?: ReactNode;
}

function useDescribedBy(name: string, hint: unknown, error: unknown, aside: unknown) {
  const id = fieldId(name);
  const parts = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', aside ? `${id}-aside` : ''].filter(Boolean);
  return { id, describedBy: parts.length ? parts.join(' ') : undefined };
}

function Shell({ id, label, hint, error, required, aside, children }: Omit<ShellProps, 'name'> & { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> ({t('form.required')})</span> : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children}
      {aside ? (
        <div id={`${id}-aside`} className="field__aside" aria-live="polite">
          {aside}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = ShellProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'tel' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  autoComplete?: string;
  maxLength?: number;
  disabled?: boolean;
};

export function TextField(props: InputProps) {
  const { name, label, hint, error, required, aside, value, onChange, onBlur, type = 'text', ...rest } = props;
  const { id, describedBy } = useDescribedBy(name, hint, error, aside);
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} aside={aside}>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        onBlur={onBlur}
        {...rest}
      />
    </Shell>
  );
}

type AreaProps = ShellProps & { value: string; onChange: (value: string) => void; maxLength?: number; rows?: number; disabled?: boolean };

/** A text area with a live character counter against the API's limit. */
export function TextAreaField(props: AreaProps) {
  const { t } = useTranslation();
  const { name, label, hint, error, required, value, onChange, maxLength, rows = 6, disabled } = props;
  const counter = maxLength ? t('form.characters', { used: [...value].length, max: maxLength }) : undefined;
  const { id, describedBy } = useDescribedBy(name, hint, error, counter);
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} aside={counter}>
      <textarea
        id={id}
        name={name}
        className="input input--area"
        value={value}
        rows={rows}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Options with the same group, listed together, are shown under it (an <optgroup>). */
  group?: string;
}

/** Consecutive options of one group become one <optgroup>. */
function renderOptions(options: Option[]) {
  const out: ReactNode[] = [];
  for (let i = 0; i < options.length; ) {
    const group = options[i]?.group;
    let j = i;
    while (j < options.length && options[j]?.group === group) j++;
    const items = options.slice(i, j).map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
    out.push(group ? <optgroup key={`g-${i}`} label={group}>{items}</optgroup> : items);
    i = j;
  }
  return out;
}

type SelectProps = ShellProps & { value: string; onChange: (value: string) => void; options: Option[]; placeholder: string; disabled?: boolean };

export function SelectField(props: SelectProps) {
  const { name, label, hint, error, required, aside, value, onChange, options, placeholder, disabled } = props;
  const { id, describedBy } = useDescribedBy(name, hint, error, aside);
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} aside={aside}>
      <select
        id={id}
        name={name}
        className="input input--select"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {renderOptions(options)}
      </select>
    </Shell>
  );
}

export function CheckboxField(props: { name: string; label: string; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; error?: string }) {
  const { name, label, hint, checked, onChange, error } = props;
  const { id, describedBy } = useDescribedBy(name, hint, error, undefined);
  return (
    <div className={error ? 'field field--check field--invalid' : 'field field--check'}>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <input id={id} name={name} type="checkbox" className="checkbox" checked={checked} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export function RadioGroup(props: { name: string; legend: string; value: string; options: Option[]; onChange: (value: string) => void; error?: string }) {
  const { name, legend, value, options, onChange, error } = props;
  const groupId = useId();
  const id = fieldId(name);
  return (
    <fieldset className={error ? 'field fieldset field--invalid' : 'field fieldset'} aria-describedby={error ? `${id}-error` : undefined} id={id} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <div className="radio" key={o.value}>
          <input id={`${groupId}-${o.value}`} type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={`${groupId}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
