import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_TEXT_VERSION, type Ethnicity, type KioskMatch } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { languageOf } from '../../../i18n';
import type { FlowProps } from '../flows';
import { AddSelf, noNewPerson, type NewPerson } from './AddSelf';
import { Confirm } from './Confirm';
import { Consent } from './Consent';
import { Equality } from './Equality';
import { FindName } from './FindName';
import { Done, ProblemScreen, Refused } from './Outcome';
import { problemOf, type Problem } from './problems';
import { useNameSearch } from './useNameSearch';
import './sign-in.css';

/** Who is signing in: someone found on the list, or a walk-in adding themselves. */
type Who = { kind: 'found'; match: KioskMatch } | { kind: 'new'; person: NewPerson };

type Step =
  | { name: 'find' }
  | { name: 'add' }
  | { name: 'confirm'; match: KioskMatch }
  | { name: 'consent'; who: Who }
  | { name: 'equality'; who: Who }
  | { name: 'done'; firstName: string; waitlistPosition: number | null }
  | { name: 'refused' }
  | { name: 'problem'; problem: Problem };

/**
 * Signing in at the kiosk, one question per screen:
 * find your name (or add it) → is this you? → consent → optional ethnic group →
 * signed in (or, when the session is full, told their place on the waitlist).
 * Nothing leaves this component until the last step, which sends the person,
 * their consent and their answer in one call, so stopping anywhere (going
 * back, "I do not agree", walking away) stores nothing.
 */
export function SignInFlow({ finish, back }: FlowProps) {
  const { i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'find' });
  const names = useNameSearch();
  const [newPerson, setNewPerson] = useState<NewPerson>(noNewPerson);
  const [sending, setSending] = useState(false);

  const send = async (who: Who, ethnicity: Ethnicity | null) => {
    setSending(true);
    const consent = {
      textVersion: CONSENT_TEXT_VERSION,
      language: languageOf(i18n.resolvedLanguage).code,
      agreed: true,
    } as const;
    try {
      const outcome =
        who.kind === 'found'
          ? await call('kiosk.signIn', { personId: who.match.personId, consent, ethnicity })
          : await call('kiosk.addSelf', {
              givenName: who.person.givenName,
              familyName: who.person.familyName,
              organisationId: who.person.organisationId || null,
              consent,
              ethnicity,
            });
      setStep({ name: 'done', firstName: outcome.firstName, waitlistPosition: outcome.waitlistPosition });
    } catch (error) {
      setStep({ name: 'problem', problem: problemOf(error) });
    } finally {
      setSending(false);
    }
  };

  switch (step.name) {
    case 'find':
      return (
        <FindName
          query={names.query}
          search={names.search}
          type={names.setQuery}
          choose={(match) => setStep({ name: 'confirm', match })}
          notOnList={() => setStep({ name: 'add' })}
          back={back}
        />
      );
    case 'add':
      return (
        <AddSelf
          initial={newPerson}
          next={(person) => {
            setNewPerson(person);
            setStep({ name: 'consent', who: { kind: 'new', person } });
          }}
          back={() => setStep({ name: 'find' })}
        />
      );
    case 'confirm':
      return (
        <Confirm
          label={step.match.label}
          yes={() => setStep({ name: 'consent', who: { kind: 'found', match: step.match } })}
          no={() => setStep({ name: 'find' })}
        />
      );
    case 'consent':
      return (
        <Consent
          agree={() => setStep({ name: 'equality', who: step.who })}
          refuse={() => setStep({ name: 'refused' })}
          back={() => setStep(step.who.kind === 'found' ? { name: 'confirm', match: step.who.match } : { name: 'add' })}
        />
      );
    case 'equality':
      return (
        <Equality
          sending={sending}
          send={(ethnicity) => void send(step.who, ethnicity)}
          back={() => setStep({ name: 'consent', who: step.who })}
        />
      );
    case 'done':
      return <Done firstName={step.firstName} waitlistPosition={step.waitlistPosition} finish={finish} />;
    case 'refused':
      return <Refused finish={finish} />;
    case 'problem':
      return (
        <ProblemScreen
          problem={step.problem}
          finish={finish}
          search={() => {
            // Look for the name they typed: the look-alike the core found is probably them.
            names.setQuery(newPerson.givenName);
            setStep({ name: 'find' });
          }}
        />
      );
  }
}
