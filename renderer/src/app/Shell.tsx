import { useEffect, type MouseEvent } from 'react';
import { useLocation } from 'wouter';
import { onAppEvent } from '../api/client';
import { StatusRegion } from '../components/status';
import { roleLabels, useDevice } from './device';
import { MainMenu } from './MainMenu';
import { Routes } from './routes';

/** The address bar holds the route, so the skip link moves focus itself. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

/** Header with this computer's name and role, the main menu, and the current screen. */
export function Shell() {
  const device = useDevice();
  const [, navigate] = useLocation();

  // The desktop app's Go menu sends the window to a screen.
  useEffect(() => onAppEvent('navigate', ({ path }) => navigate(path)), [navigate]);

  return (
    <>
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <span className="app-header__name">Fieldbook</span>
          <p className="app-header__device">
            <span className="visually-hidden">This computer: </span>
            {device.name} <span className="app-header__role">· {roleLabels[device.role]}</span>
          </p>
        </div>
        <MainMenu role={device.role} />
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <StatusRegion />
        <Routes />
      </main>
    </>
  );
}
