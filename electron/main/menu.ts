import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvents } from '../../shared/contract';

/** Menu template as data, so it is testable; `navigate` sends the renderer to a screen. */
export function menuTemplate(
  navigate: (payload: AppEvents['navigate']) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
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
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
