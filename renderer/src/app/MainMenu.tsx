import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { DeviceRole } from '../../../shared/contract';
import { roleMayCall } from '../../../shared/staff-roles';
import { servedByOfficeServer } from '../api/transport';
import { useSignedInStaff } from '../features/staff/signed-in-staff';
import { menuGroupLabels, sectionsFor, type MenuGroup, type Section } from './routes';

const isCurrent = (location: string, section: Section) => location === section.path || location.startsWith(`${section.path}/`);

function MenuLink({ section, location }: { section: Section; location: string }) {
  const current = isCurrent(location, section);
  return (
    <Link href={section.path} className={current ? 'app-nav__link app-nav__link--current' : 'app-nav__link'} aria-current={current ? 'page' : undefined}>
      {section.label}
    </Link>
  );
}

/**
 * A group of the menu behind a button that shows and hides its links below
 * it (a disclosure, not an ARIA menu: its links are ordinary links, reached
 * with Tab). Escape closes it and puts focus back on its button.
 */
function MenuGroupItem({ label, sections, location, open, onToggle }: { label: string; sections: Section[]; location: string; open: boolean; onToggle(open: boolean): void }) {
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = sections.some((section) => isCurrent(location, section));
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    onToggle(false);
    button.current?.focus();
  };
  return (
    <li className="app-nav__group" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        className={current ? 'app-nav__link app-nav__toggle app-nav__link--current' : 'app-nav__link app-nav__toggle'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onToggle(!open)}
      >
        {label}
        <span className="app-nav__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} className="app-nav__sublist" hidden={!open}>
        {sections.map((section) => (
          <li key={section.path}>
            <MenuLink section={section} location={location} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The main menu: the day's screens on one row and two groups that open
 * below their buttons. On a narrow window (or at 200% zoom) the whole menu
 * is behind one "Menu" button, so it does not fill the first screen.
 * Whatever is open closes when a screen is chosen or on a click elsewhere.
 */
export function MainMenu({ role }: { role: DeviceRole }) {
  const [location] = useLocation();
  const [openGroup, setOpenGroup] = useState<MenuGroup | null>(null);
  const [narrowOpen, setNarrowOpen] = useState(false);
  const nav = useRef<HTMLElement>(null);
  // On the office server, a screen whose first call the staff member's role may not make is left out.
  const staffRole = useSignedInStaff()?.role;
  const sections = sectionsFor(role).filter(
    (section) => (!section.server || servedByOfficeServer) && (!section.needs || roleMayCall(staffRole, section.needs)),
  );
  const topRow = sections.filter((section) => !section.group);
  const groups = (Object.keys(menuGroupLabels) as MenuGroup[])
    .map((group) => ({ group, sections: sections.filter((section) => section.group === group) }))
    .filter(({ sections: inGroup }) => inGroup.length > 0);

  useEffect(() => {
    setOpenGroup(null);
    setNarrowOpen(false);
  }, [location]);

  useEffect(() => {
    if (openGroup === null) return undefined;
    const closeOutside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpenGroup(null);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [openGroup]);

  return (
    <nav ref={nav} className={narrowOpen ? 'app-nav app-nav--open' : 'app-nav'} aria-label="Main menu">
      <div className="app-nav__bar">
        <button type="button" className="app-nav__link app-nav__toggle app-nav__menu-button" aria-expanded={narrowOpen} onClick={() => setNarrowOpen(!narrowOpen)}>
          Menu
          <span className="app-nav__chevron" aria-hidden="true" />
        </button>
      </div>
      <ul className="app-nav__list">
        {topRow.map((section) => (
          <li key={section.path}>
            <MenuLink section={section} location={location} />
          </li>
        ))}
        {groups.map(({ group, sections: inGroup }) => (
          <MenuGroupItem
            key={group}
            label={menuGroupLabels[group]}
            sections={inGroup}
            location={location}
            open={openGroup === group}
            onToggle={(open) => setOpenGroup(open ? group : null)}
          />
        ))}
      </ul>
    </nav>
  );
}
