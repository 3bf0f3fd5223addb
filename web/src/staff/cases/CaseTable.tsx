import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText, useLanguage } from '../../ui/dates';
import { nameOf, StaffReference } from '../use-reference';
import type { ListedAppeal } from '../work-api';

/** Cases as a table: number (a link to the case), subject, status, deadline, topic, branch and agency. */
export function CaseTable({ items, reference, captionId }: { items: ListedAppeal[]; reference: StaffReference; captionId: string }) {
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const agencies = reference.agencies.map((a) => ({ ...a, parentId: null }));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('case.number')}</th>
            <th scope="col">{t('case.subject')}</th>
            <th scope="col">{t('case.statusLabel')}</th>
            <th scope="col">{t('case.dueDate')}</th>
            <th scope="col">{t('case.category')}</th>
            <th scope="col">{t('case.branch')}</th>
            <th scope="col">{t('case.agency')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/staff/cases/${a.id}`}>{a.number}</Link>
              </th>
              <td>{a.subject}</td>
              <td>{t(`case.status.${a.status}`)}</td>
              <td>
                <DateText date={a.dueDate} />
                <br />
                <span className={`deadline deadline--${a.deadlineState}`}>{t(`case.deadlineState.${a.deadlineState}`)}</span>
              </td>
              <td>{a.category?.names[language] ?? nameOf(reference.categories, a.categoryId, language)}</td>
              <td>{a.branch?.name ?? nameOf(reference.branches, a.branchId, language)}</td>
              <td>{a.agency?.name ?? (nameOf(agencies, a.agencyId, language) || '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
