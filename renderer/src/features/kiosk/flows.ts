import type { ComponentType } from 'react';
import type { KioskMode } from '../../../../shared/contract';
import { EvaluationFlow } from './evaluation/EvaluationFlow';
import { SignInFlow } from './signin/SignInFlow';

/** What every participant flow gets: a way to hand the kiosk back to the welcome screen. */
export interface FlowProps {
  /** Clears everything this participant typed or chose, language included, and shows the welcome screen. */
  finish(): void;
  /** Back to the welcome screen from the flow's first step: the flow's state goes, the chosen language stays. */
  back(): void;
}

export interface KioskFlow {
  id: string;
  /** The kiosk mode (chosen by the facilitator when opening the kiosk) that offers it. */
  mode: KioskMode;
  /** Catalogue key of the welcome screen's button that starts it. */
  startKey: string;
  /** Catalogue key of the welcome screen's line that says what it is for. */
  introKey: string;
  Flow: ComponentType<FlowProps>;
}

/**
 * The things a participant can do at the kiosk, each a button on the welcome
 * screen. The kiosk's mode picks which: signing in as people arrive, the
 * evaluation at the end of the session.
 */
export const kioskFlows: readonly KioskFlow[] = [
  { id: 'signIn', mode: 'sign_in', startKey: 'kiosk.welcome.signIn', introKey: 'kiosk.welcome.intro', Flow: SignInFlow },
  {
    id: 'evaluation',
    mode: 'evaluation',
    startKey: 'kiosk.welcome.evaluate',
    introKey: 'kiosk.welcome.evaluationIntro',
    Flow: EvaluationFlow,
  },
];

/** The flows the kiosk offers in a mode. */
export function flowsFor(mode: KioskMode): readonly KioskFlow[] {
  return kioskFlows.filter((flow) => flow.mode === mode);
}
