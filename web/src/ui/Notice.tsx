import { ReactNode } from 'react';

/** A message box: `error` is announced at once (role alert), the others politely (role status). */
export function Notice({ kind = 'info', children, id, title }: { kind?: 'info' | 'success' | 'error'; children: ReactNode; id?: string; title?: string }) {
  return (
    <div id={id} tabIndex={id ? -1 : undefined} className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}
