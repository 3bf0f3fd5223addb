import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './api/client';
import { getSession, saveSession } from './auth/session';
import { App } from './App';
import { currentLanguage, startI18n } from './i18n/i18n';
import './ui/theme.css';

configureApiClient({
  language: currentLanguage,
  accessToken: () => getSession()?.accessToken ?? null,
  // An expired or revoked token: drop the session, the staff pages then ask to sign in again.
  onUnauthorized: () => saveSession(null),
});

void startI18n().then(() => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
