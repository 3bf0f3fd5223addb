import { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'link'; busy?: boolean; busyLabel?: string };

/**
 * A button that cannot be pressed twice while its action runs: `busy` disables it and says so
 * (aria-busy), which is what keeps a double click from sending a form twice.
 */
export function Button({ variant = 'primary', busy = false, busyLabel, disabled, children, className, type = 'button', ...rest }: Props) {
  return (
    <button {...rest} type={type} className={`button button--${variant}${className ? ` ${className}` : ''}`} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
