import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_TEXT_VERSION, type Ethnicity, type KioskSignInMatch } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { languageOf } from '../../../i18n';
import { BeforeQuestions } from '../evaluation/BeforeQuestions';
import type { FlowProps } from '../flows';
import { AddSelf, noNewPerson, type NewPerson } from './AddSelf';
import { Confirm } from './Confirm';
import { Consent } from './Consent';
import { Equality } from './Equality';
import { FindName } from './FindName';
import { LookAlikes } from './LookAlikes';
import { AlreadySignedIn, Done, ProblemScreen, Refused } from './Outcome';
import { problemOf, type Problem } from './problems';
import { useNameSearch } from './useNameSearch';
import './sign-in.css';

/** Who is signing in: someone found on the list, or a walk-in adding themselves. */
type Who = { kind: 'found'; match: KioskSignInMatch } | { kind: 'new'; person: NewPerson };

type Step =
  | { name: 'find' }
  | { name: 'add' }
  | { name: 'lookalikes'; person: NewPerson }
  | { name: 'confirm'; match: KioskSignInMatch }
  | { name: 'already'; firstName: string }
  | { name: 'consent'; who: Who }
  | { name: 'equality'; who: Who }
  | { name: 'done'; firstName: string; waitlistPosition: number | null }
  | { name: 'before'; firstName: string; personId: string }
  | { name: 'refused' }
  | { name: 'problem'; problem: Problem };

/**
 * Signing in at the kiosk, one question per screen:
 * find your name (or add it, after seeing anyone already listed under it) →
 * is this you? → consent → optional ethnic group → signed in (or, when the
 * session is full, told their place on the waitlist), then the course's
 * questions before the session, which they can skip. Someone signed in
 * already is told so as soon as they choose their name.
 * Nothing leaves this component until the last step, which sends the person,
 * their consent and their answer in one call, so stopping anywhere (going
 * back, "I do not agree", walking away) stores nothing.
 */
export function SignInFlow({ finish, back }: FlowProps) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'find' });
  const names = useNameSearch();
  const [newPerson, setNewPerson] = useState<NewPerson>(noNewPerson);
  const [sending, setSending] = useState(false);
  // Stable, so the look-alike check's "nobody found, go on" runs once.
  const asNew = useCallback((person: NewPerson) => () => setStep({ name: 'consent', who: { kind: 'new', person } }), []);
  const chosen = (match: KioskSignInMatch) =>
    setStep(match.signedIn ? { name: 'already', firstName: match.firstName } : { name: 'confirm', match });

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
      // Signed in: on to the before questions, if the course asks any. Waiting for a place: nothing to ask yet.
      setStep(
        outcome.waitlistPosition === null
          ? { name: 'before', firstName: outcome.firstName, personId: outcome.personId }
          : { name: 'done', firstName: outcome.firstName, waitlistPosition: outcome.waitlistPosition },
      );
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
          choose={chosen}
          mark={(match) => (match.signedIn ? t('kiosk.find.signedIn') : null)}
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
            setStep({ name: 'lookalikes', person });
          }}
          back={() => setStep({ name: 'find' })}
        />
      );
    case 'lookalikes':
      return <LookAlikesStep person={step.person} choose={chosen} asNew={asNew} back={() => setStep({ name: 'add' })} />;
    case 'already':
      return <AlreadySignedIn firstName={step.firstName} finish={finish} />;
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
    case 'before':
      return <BeforeQuestions personId={step.personId} firstName={step.firstName} finish={finish} />;
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

/** The look-alike check for one typed name, with its "go on as new" fixed for that name. */
function LookAlikesStep({ person, choose, asNew, back }: {
  person: NewPerson;
  choose(match: KioskSignInMatch): void;
  asNew(person: NewPerson): () => void;
  back(): void;
}) {
  const [isNew] = useState(() => asNew(person));
  return <LookAlikes person={person} choose={choose} isNew={isNew} back={back} />;
}
