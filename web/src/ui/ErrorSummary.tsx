import { useTranslation } from 'react-i18next';
import { fieldId } from './fields';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The list of what to fix, at the top of a form, each a link to its field. Focus goes to the first
 * invalid field itself (useFormErrors), and this list is announced as an alert.
 */
export function ErrorSummary({ errors, title }: { errors: FieldError[]; title?: string }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title ?? t('form.summaryTitle')}
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${fieldId(e.field)}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(fieldId(e.field))?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
