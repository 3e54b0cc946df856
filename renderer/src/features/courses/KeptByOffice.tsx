import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useKeepsCatalogue } from '../../app/device';
import { Page } from '../../components/Page';

/**
 * What a laptop says where the office would change the catalogue: who keeps
 * it and when changes arrive, so a missing "New" or "Edit" is not a puzzle.
 * `what` names the list: "the course list", "the schedule".
 */
export function KeptByOffice({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <div className="notice">
      <p>
        The central office keeps {what}. Changes made there reach this laptop in its next package.
      </p>
      {children}
    </div>
  );
}

/** A laptop's empty list: "There are no venues on this laptop yet. …" */
export const noneOnLaptop = (plural: string) =>
  `There are no ${plural} on this laptop yet. They come in the package from the central office.`;

/**
 * A screen that changes the catalogue (a new or edit form), shown as itself
 * at the office. On a laptop, which would be refused the save, it says who
 * keeps that list instead and leads back to it (or to what the laptop can do).
 */
export function OnlyAtOffice({
  title,
  what,
  back,
  also,
  children,
}: {
  /** The laptop's heading for the screen: "Courses are kept by the office". */
  title: string;
  what: string;
  back: { href: string; label: string };
  /** What the laptop can do instead, under the sentence. */
  also?: ReactNode;
  children: ReactNode;
}) {
  if (useKeepsCatalogue()) return <>{children}</>;
  return (
    <Page title={title}>
      <KeptByOffice what={what}>{also}</KeptByOffice>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </Page>
  );
}
