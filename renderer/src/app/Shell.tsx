import { useEffect, type MouseEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { onAppEvent } from '../api/client';
import { StatusRegion } from '../components/status';
import { roleLabels, useDevice } from './device';
import { Routes, sectionsFor } from './routes';

/** The address bar holds the route, so the skip link moves focus itself. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

/** Header with this computer's name and role, the main menu, and the current screen. */
export function Shell() {
  const device = useDevice();
  const [location, navigate] = useLocation();

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
        <nav className="app-nav" aria-label="Main menu">
          <ul className="app-nav__list">
            {sectionsFor(device.role).map((section) => {
              const current = location === section.path || location.startsWith(`${section.path}/`);
              return (
                <li key={section.path}>
                  <Link
                    href={section.path}
                    className={current ? 'app-nav__link app-nav__link--current' : 'app-nav__link'}
                    aria-current={current ? 'page' : undefined}
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <StatusRegion />
        <Routes />
      </main>
    </>
  );
}
