import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { DeviceRole } from '../../../../shared/contract';
import { roleLabels, useDevice } from '../../app/device';
import { Page } from '../../components/Page';

/** Whom a role's screens are for, and where a computer of that role goes for files instead. */
const roles: Record<DeviceRole, { who: string; own: { path: string; label: string; what: string } }> = {
  laptop: {
    who: "a facilitator's laptop",
    own: { path: '/sync', label: 'Go to Send to office', what: 'To send what this laptop collected, use Send to office.' },
  },
  office: {
    who: 'the central office',
    own: { path: '/import', label: 'Go to Import', what: 'To bring in the files laptops send, use Import.' },
  },
};

/**
 * A screen for one role only. The desktop app's Go menu lists every screen
 * (it is built before the role is known), so one opened on the other role
 * says whom it is for and where to go instead.
 */
export function ForRole({ role, title, children }: { role: DeviceRole; title: string; children: ReactNode }) {
  const device = useDevice();
  if (device.role === role) return <>{children}</>;
  const { own } = roles[device.role];
  return (
    <Page title={title}>
      <p className="lead">This screen is for {roles[role].who}.</p>
      <p>
        This computer, {device.name}, is set up as: {roleLabels[device.role]}. {own.what}
      </p>
      <p>
        <Link href={own.path}>{own.label}</Link>
      </p>
    </Page>
  );
}
