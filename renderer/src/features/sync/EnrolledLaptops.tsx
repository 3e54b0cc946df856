import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { EnrolledLaptop } from '../../../../shared/contract';
import { call } from '../../api/client';
import { offerDownload } from '../../components/files';
import { orNotGiven } from '../../components/format';
import { useAnnounce } from '../../components/status';
import { ReasonDialog } from '../waitlist/ReasonDialog';
import { Facts, Fingerprint, Refusal, facilitatorsText } from './parts';
import { problemAt, useAction } from './useAction';
import { momentText } from './words';
import { pinResetText } from '../settings/pin-reset-words';

function LaptopCard({
  laptop,
  busy,
  problem,
  onPackage,
  onEnrolmentFile,
  onRevoke,
}: {
  laptop: EnrolledLaptop;
  busy: boolean;
  problem: string | null;
  onPackage(): void;
  onEnrolmentFile(): void;
  onRevoke(): void;
}) {
  const headingId = `laptop-${laptop.deviceId}`;
  const revoked = laptop.revokedAt !== null;
  return (
    <li className={revoked ? 'laptop laptop--revoked' : 'laptop'} aria-labelledby={headingId} data-device-id={laptop.deviceId}>
      <h3 id={headingId} className="laptop__name" tabIndex={-1}>
        {laptop.name}
        {revoked && <span className="tag tag--revoked">Revoked</span>}
      </h3>
      <Facts
        rows={[
          ['Fingerprint', <Fingerprint key="fingerprint" value={laptop.fingerprint} />],
          ['Team', orNotGiven(laptop.team)],
          ['Its package holds', facilitatorsText(laptop.facilitators)],
          ['Enrolled on', momentText(laptop.enrolledAt)],
          ['Kiosk PIN reset', laptop.pinReset ? pinResetText(laptop.pinReset) : null],
          ['Revoked on', laptop.revokedAt ? momentText(laptop.revokedAt) : null],
          ['Why', laptop.revokedReason],
        ]}
      />
      {!revoked && (
        <div className="button-row">
          <button type="button" className="button" data-action="package" aria-disabled={busy || undefined} onClick={onPackage}>
            Write package<span className="visually-hidden"> for {laptop.name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-action="enrolment"
            aria-disabled={busy || undefined}
            onClick={onEnrolmentFile}
          >
            Enrolment file again<span className="visually-hidden"> for {laptop.name}</span>
          </button>
          <button type="button" className="button button--warning" data-action="revoke" onClick={onRevoke}>
            Revoke<span className="visually-hidden"> {laptop.name}</span>
          </button>
        </div>
      )}
      <Refusal message={problem} />
    </li>
  );
}

/** Every laptop this office has enrolled: what it is, its package, and revoking it. */
export function EnrolledLaptops({ laptops, onChanged }: { laptops: EnrolledLaptop[]; onChanged(): void }) {
  const [revoking, setRevoking] = useState<EnrolledLaptop | null>(null);
  // A revoked laptop loses its buttons, so focus goes to its name once the list shows it revoked.
  const [focusOn, setFocusOn] = useState<string | null>(null);
  const action = useAction(onChanged);
  const announce = useAnnounce();
  const [location] = useLocation();

  const writePackage = (laptop: EnrolledLaptop) =>
    void action
      .run(
        laptop.deviceId,
        () => call('sync.writePackage', { deviceId: laptop.deviceId }),
        (result) =>
          `Package for ${laptop.name} saved as ${result.fileName}: ${result.sessions} upcoming sessions, ${result.people} people.`,
      )
      .then((result) => result && offerDownload(result));

  const enrolmentFile = (laptop: EnrolledLaptop) =>
    void action
      .run(
        laptop.deviceId,
        () => call('pairing.enrolmentFile', { deviceId: laptop.deviceId }),
        (result) => `Enrolment file for ${laptop.name} saved as ${result.fileName}.`,
      )
      .then((result) => result && offerDownload(result));

  useEffect(() => {
    if (!focusOn || !laptops.some((laptop) => laptop.deviceId === focusOn && laptop.revokedAt)) return;
    document.getElementById(`laptop-${focusOn}`)?.focus();
    setFocusOn(null);
  }, [focusOn, laptops]);

  return (
    <section className="sync-section" aria-labelledby="laptops-heading">
      <h2 id="laptops-heading">Enrolled laptops</h2>
      {laptops.length === 0 ? (
        <p className="empty">No laptops are enrolled yet.</p>
      ) : (
        <ul className="laptops" aria-label="Enrolled laptops">
          {laptops.map((laptop) => (
            <LaptopCard
              key={laptop.deviceId}
              laptop={laptop}
              busy={action.busy}
              problem={problemAt(action, laptop.deviceId)}
              onPackage={() => writePackage(laptop)}
              onEnrolmentFile={() => enrolmentFile(laptop)}
              onRevoke={() => setRevoking(laptop)}
            />
          ))}
        </ul>
      )}
      {revoking && (
        <ReasonDialog
          question={{
            title: `Revoke ${revoking.name}?`,
            explain:
              'Files it writes from now on are refused, and it gets no more packages. What was already imported from it stays. Do this when a laptop is lost, stolen or retired.',
            hint: 'For example: left on a train on 3 March.',
            whenEmpty: `Write why ${revoking.name} is revoked.`,
            confirm: 'Revoke the laptop',
            warning: true,
            save: async (reason) => {
              await call('pairing.revoke', { deviceId: revoking.deviceId, reason });
              announce(`${revoking.name} is revoked. Files it writes from now on are refused.`, location);
            },
          }}
          onCancel={() => setRevoking(null)}
          onDone={() => {
            setFocusOn(revoking.deviceId);
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
