import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { DeviceRole } from '../../../../shared/contract';
import { roleLabels, useDevice } from '../../app/device';
import { Page } from '../../components/Page';

const whatFor: Record<DeviceRole, { who: string; instead: { path: string; label: string; what: string } }> = {
  laptop: {
    who: "a facilitator's laptop",
    instead: { path: '/import', label: 'Go to Import', what: 'To bring in the files laptops send, use Import.' },
  },
  office: {
    who: 'the central office',
    instead: { path: '/sync', label: 'Go to Send to office', what: 'To send what this laptop collected, use Send to office.' },
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
  const other = whatFor[device.role];
  return (
    <Page title={title}>
      <p className="lead">This screen is for {whatFor[role].who}.</p>
      <p>
        This computer, {device.name}, is set up as: {roleLabels[device.role]}. {other.instead.what}
      </p>
      <p>
        <Link href={other.instead.path}>{other.instead.label}</Link>
      </p>
    </Page>
  );
}
