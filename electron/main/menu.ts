import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvents } from '../../shared/contract';

export interface MenuBuild {
  platform: NodeJS.Platform;
  /** An installed build (app.isPackaged) rather than a development one. */
  packaged: boolean;
}

/**
 * Reload, Force Reload and the developer tools (and their shortcuts, which
 * come only from the menu) are for development. In an installed app they
 * would hand whoever has the laptop, a participant at the kiosk too, a
 * console on the app and a way to reload it mid-way.
 */
function viewMenu(packaged: boolean): MenuItemConstructorOptions {
  const forDevelopment: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return {
    label: 'View',
    submenu: [...forDevelopment, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

/** Menu template as data, so it is testable; `navigate` sends the renderer to a screen. */
export function menuTemplate(navigate: (payload: AppEvents['navigate']) => void, { platform, packaged }: MenuBuild): MenuItemConstructorOptions[] {
  const go = (label: string, path: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => navigate({ path }),
  });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        go('Today', '/today', 'CmdOrCtrl+1'),
        go('Sessions', '/sessions', 'CmdOrCtrl+2'),
        go('Courses', '/courses', 'CmdOrCtrl+3'),
        go('Venues', '/venues', 'CmdOrCtrl+4'),
        go('Organisations', '/organisations', 'CmdOrCtrl+5'),
        go('People', '/people', 'CmdOrCtrl+6'),
        go('Requests', '/requests', 'CmdOrCtrl+7'),
        go('You said, we did', '/you-said-we-did', 'CmdOrCtrl+8'),
        // The menu is built before the core says which role this computer has, so it lists
        // every screen; each names who it is for, and a screen opened on the other role says so.
        { type: 'separator' },
        go('Send to office (laptop)', '/sync', 'CmdOrCtrl+9'),
        go('Import from laptops (office)', '/import'),
        go('Review merged data (office)', '/review'),
        go('Devices and pairing', '/devices'),
        go('Backups', '/backup'),
        go('Settings', '/settings'),
        { type: 'separator' },
        go('Contracts (office)', '/contracts'),
        go('Membership (office)', '/membership'),
        go('Spreadsheets (office)', '/sheets'),
        go('Reports', '/reports'),
      ],
    },
    viewMenu(packaged),
    { role: 'windowMenu' },
  ];
}
